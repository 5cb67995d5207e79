// Tiny argv helpers for the npm scripts: `--name value` flags and positional arguments.
export function flag(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

export function positional(argv: string[], valueFlags: string[] = []): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      if (valueFlags.includes(a.slice(2))) i++;
    } else out.push(a);
  }
  return out;
}

/** Runs a CLI body: errors go to stderr with a non-zero exit, never a stack trace for known ones. */
export async function runCli(body: () => Promise<void>): Promise<void> {
  try {
    await body();
    process.exit(0);
  } catch (e) {
    console.error(`error: ${(e as Error).message}`);
    process.exit(1);
  }
}

/** Peak resident memory of this process so far, in MiB. */
export function peakMemory(): string {
  return `${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`;
}
