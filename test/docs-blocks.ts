// The fenced code blocks of a markdown document, as the docs test runs them:
// their language, their code (or the tiegraph command lines of a sh block), and
// the output block marked "text output" or "json output" that follows them.

/** What an example should print: text compared line by line, or JSON compared as data. */
export interface DocOutput {
  kind: "text" | "json";
  text: string;
  /** 1-based line of the opening fence. */
  line: number;
}

/** A runnable block of a document. */
export interface DocBlock {
  /** The info string's first word ("ts", "sh", "text", …). */
  lang: string;
  /** The rest of the info string ("output" for output blocks). */
  tags: string[];
  code: string;
  /** sh blocks: the `tiegraph …` commands, continued lines joined, comments cut. */
  commands: string[];
  /** 1-based line of the opening fence. */
  line: number;
  output?: DocOutput;
}

/**
 * Splits markdown into its fenced blocks; an output block (info `text output`
 * or `json output`) is attached to the block before it instead of listed.
 *
 * @example
 * ```ts
 * docBlocks("```sh\ntiegraph report a.json\n```\n```text output\nok\n```")[0].output?.text; // "ok\n"
 * ```
 */
export function docBlocks(markdown: string): DocBlock[] {
  const lines = markdown.split("\n");
  const out: DocBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)\s*(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !lines[i]!.startsWith("```"); i++) body.push(lines[i]!);
    const code = body.length ? `${body.join("\n")}\n` : "";
    const lang = open[1]!;
    const tags = open[2]!.split(/\s+/).filter(Boolean);
    if (tags.includes("output") && (lang === "text" || lang === "json") && out.length > 0 && !out.at(-1)!.output) {
      out.at(-1)!.output = { kind: lang, text: code, line: start + 1 };
      continue;
    }
    out.push({ lang, tags, code, commands: lang === "sh" ? commandsOf(body) : [], line: start + 1 });
  }
  return out;
}

/** The tiegraph command lines of a shell block: `\` continuations joined, `# comments` and pipes cut. */
function commandsOf(body: string[]): string[] {
  const joined: string[] = [];
  let current = "";
  for (const raw of body) {
    const line = raw.replace(/\s+#.*$/, "");
    if (line.endsWith("\\")) {
      current += `${line.slice(0, -1).trim()} `;
      continue;
    }
    joined.push((current + line.trim()).trim());
    current = "";
  }
  // a pipe's downstream (jq, head) is the reader's; the tiegraph part runs
  return joined.filter((l) => /^(pnpm --silent |npx )?tiegraph\s/.test(l)).map((l) => l.replace(/\s+\|\s.*$/, ""));
}
