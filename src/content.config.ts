import { defineCollection } from 'astro:content';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { noteFields } from './content/note-schema';

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema({ extend: noteFields }) }),
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
};
