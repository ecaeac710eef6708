/** Ports of the two static servers (playwright.config.ts); E2E_PORT moves both. */
export const ROOT_PORT = Number(process.env.E2E_PORT || 4417);
export const SUB_PORT = ROOT_PORT + 1;
/** The BASE_PATH=/sub build (dist-sub/), as a reader of a project site sees it. */
export const SUB_URL = `http://127.0.0.1:${SUB_PORT}/sub/`;
