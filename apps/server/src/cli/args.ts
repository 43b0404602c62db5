/** Minimal argument parsing for the command line: `--name value`, `--flag`, and positional arguments. */
export type ParsedArgs = { positional: string[]; options: Record<string, string | true> };

export function parseArgs(argv: string[], flags: string[] = []): ParsedArgs {
  const positional: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split('=', 2);
      if (inline !== undefined) options[name] = inline;
      else if (flags.includes(name) || i + 1 >= argv.length || argv[i + 1].startsWith('--')) options[name] = true;
      else options[name] = argv[++i];
    } else positional.push(a);
  }
  return { positional, options };
}

export const optionString = (o: ParsedArgs['options'], name: string): string | undefined =>
  typeof o[name] === 'string' ? (o[name] as string) : undefined;
