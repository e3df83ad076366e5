export function findBrowser(playwrightPath?: string | null): string | null;
export const BROWSER_HELP: string;
