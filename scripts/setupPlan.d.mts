export function choosePnpm(facts: { pin: string; localVersion: string; pathVersion: string; localBin: string }): {
  command: string;
  how: 'workspace' | 'path' | 'npx';
};
export function chooseNodedir(facts: {
  execPath: string;
  version: string;
  configured: string | undefined;
  versionHeader: (path: string) => string | null;
}): string | null;
export function headerVersion(text: string): string | null;
export function browserCandidates(facts: { env: Record<string, string | undefined>; platform: string }): string[];
export function browserInstalls(facts: { platform: string; isRoot: boolean; hasApt: boolean; hasSudo: boolean }): ('apt' | 'sudo-apt' | 'playwright')[];
