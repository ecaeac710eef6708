/**
 * Stores `value` under `key` as the most recently used entry of `cache`; beyond `limit` entries
 * the least recently used one goes (a Map iterates in insertion order). Returns `value`.
 */
export function rememberLru<V>(cache: Map<string, V>, key: string, value: V, limit: number): V {
  cache.delete(key);
  cache.set(key, value);
  if (cache.size > limit) cache.delete(cache.keys().next().value as string);
  return value;
}
