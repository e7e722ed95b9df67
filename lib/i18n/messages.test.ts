import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import nl from "@/messages/nl.json";

/**
 * Every text exists in both languages: the same keys, nothing empty, the same ICU
 * arguments; and the keys the code asks for with a literal exist (best effort: calls
 * on a translator variable whose namespace can be read from the source).
 */

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(full, value);
    else for (const [k, v] of leaves(value, full)) out.set(k, v);
  }
  return out;
}

function branches(tree: Tree, prefix = ""): Set<string> {
  const out = new Set<string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "string") continue;
    const full = prefix ? `${prefix}.${key}` : key;
    out.add(full);
    for (const b of branches(value, full)) out.add(b);
  }
  return out;
}

/**
 * The message's arguments with their type ("name:argument", "count:plural", …) and
 * rich-text tags. A text without arguments is shown as it is (use-intl does not parse
 * it when no values are passed), so "<this address>" in one is fine.
 */
function icuArguments(message: string): string[] {
  if (!/[{}]/.test(message) && !/<\/?\w+>/.test(message)) return [];
  const found = new Set<string>();
  const visit = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      switch (element.type) {
        case TYPE.argument:
          found.add(`${element.value}:argument`);
          break;
        case TYPE.number:
        case TYPE.date:
        case TYPE.time:
          found.add(`${element.value}:${TYPE[element.type]}`);
          break;
        case TYPE.plural:
        case TYPE.select:
          found.add(`${element.value}:${TYPE[element.type]}`);
          for (const option of Object.values(element.options)) visit(option.value);
          break;
        case TYPE.tag:
          found.add(`<${element.value}>`);
          visit(element.children);
          break;
      }
    }
  };
  visit(parse(message));
  return [...found].sort();
}

const nlLeaves = leaves(nl as Tree);
const enLeaves = leaves(en as Tree);
const allKeys = new Set([...nlLeaves.keys(), ...enLeaves.keys()]);
const allBranches = new Set([...branches(nl as Tree), ...branches(en as Tree)]);

describe("messages/nl.json and messages/en.json", () => {
  it("have exactly the same keys", () => {
    expect([...nlLeaves.keys()].filter((key) => !enLeaves.has(key)), "in nl.json only").toEqual([]);
    expect([...enLeaves.keys()].filter((key) => !nlLeaves.has(key)), "in en.json only").toEqual([]);
    expect([...branches(nl as Tree)].filter((key) => !branches(en as Tree).has(key)), "groups in nl.json only").toEqual([]);
  });

  it("have no dots in keys (next-intl reads a dot as a level)", () => {
    const dotted = (tree: Tree, prefix = ""): string[] =>
      Object.entries(tree).flatMap(([key, value]) => [
        ...(key.includes(".") ? [`${prefix}${key}`] : []),
        ...(typeof value === "string" ? [] : dotted(value, `${prefix}${key}/`)),
      ]);
    expect([...dotted(nl as Tree), ...dotted(en as Tree)]).toEqual([]);
  });

  it("have no empty texts", () => {
    const empty = [...nlLeaves, ...enLeaves].filter(([, value]) => value.trim() === "").map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it("are valid ICU messages with the same arguments in both languages", () => {
    const mismatches: string[] = [];
    for (const [key, nlText] of nlLeaves) {
      const enText = enLeaves.get(key);
      if (enText === undefined) continue;
      let a: string[], b: string[];
      try {
        a = icuArguments(nlText);
        b = icuArguments(enText);
      } catch (error) {
        mismatches.push(`${key}: ${(error as Error).message}`);
        continue;
      }
      if (a.join() !== b.join()) mismatches.push(`${key}: nl {${a.join(", ")}} en {${b.join(", ")}}`);
    }
    expect(mismatches).toEqual([]);
  });
});

// ---- keys used in the code ----------------------------------------------------------

const root = path.resolve(__dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

interface Use {
  file: string;
  line: number;
  key: string;
  /** A template literal: `key` is the part before the first ${…}. */
  prefix: boolean;
}

/**
 * Calls like t("A.b"), t.rich("A.b"), t(`A.${x}`) on a variable bound earlier in the file
 * to translator(…), getTranslations(…) or useTranslations("Namespace"). A later binding
 * of the same name replaces an earlier one, which is how the files use them.
 */
function translationUses(file: string, source: string): Use[] {
  const bindings = [
    ...[...source.matchAll(/(?:const|let)\s+(\w+)\s*=\s*(?:await\s+)?(?:translator|createTranslator)\(/g)].map((m) => ({ at: m.index, name: m[1], ns: "" })),
    ...[...source.matchAll(/(?:const|let)\s+(\w+)\s*=\s*(?:await\s+)?useTranslations\(\s*(?:"([^"]*)")?\s*\)/g)].map((m) => ({ at: m.index, name: m[1], ns: m[2] ?? "" })),
    ...[...source.matchAll(/(?:const|let)\s+(\w+)\s*=\s*(?:await\s+)?getTranslations\(\s*(?:"([^"]*)"|\{([^}]*)\})?\s*\)/g)].map((m) => ({
      at: m.index,
      name: m[1],
      ns: m[2] ?? /namespace:\s*"([^"]*)"/.exec(m[3] ?? "")?.[1] ?? "",
    })),
    // A translator passed in: `t: Translator` is the whole-catalogue translator.
    ...[...source.matchAll(/\b(\w+)\s*:\s*Translator\b/g)].map((m) => ({ at: m.index, name: m[1], ns: "" })),
  ].sort((a, b) => a.at - b.at);
  const names = [...new Set(bindings.map((b) => b.name))];
  if (names.length === 0) return [];
  const uses: Use[] = [];
  const call = new RegExp(`(?<![\\w.$])(${names.join("|")})(?:\\.rich|\\.markup)?\\(\\s*(?:"([^"]+)"|\`([^\`]+)\`)`, "g");
  for (const m of source.matchAll(call)) {
    const binding = bindings.filter((b) => b.name === m[1] && b.at < m.index).at(-1);
    if (!binding) continue;
    const literal = m[2] ?? m[3];
    const template = m[3] !== undefined && literal.includes("${");
    const key = template ? literal.slice(0, literal.indexOf("${")) : literal;
    if (template && key === "") continue;
    uses.push({
      file: path.relative(root, file),
      line: source.slice(0, m.index).split("\n").length,
      key: binding.ns ? `${binding.ns}.${key}` : key,
      prefix: template,
    });
  }
  return uses;
}

describe("keys used in app/, components/ and lib/", () => {
  const uses = ["app", "components", "lib"].flatMap((dir) =>
    sourceFiles(path.join(root, dir)).flatMap((file) => translationUses(file, readFileSync(file, "utf8"))),
  );

  it("finds the calls it checks", () => {
    expect(uses.length).toBeGreaterThan(300);
  });

  it("exist in the messages", () => {
    const missing = uses
      .filter((use) => {
        if (!use.prefix) return !allKeys.has(use.key);
        // `Group.${x}` needs the group; `Group.prefix${x}` a key starting with it.
        const group = use.key.endsWith(".") ? use.key.slice(0, -1) : null;
        return group ? !allBranches.has(group) : ![...allKeys].some((key) => key.startsWith(use.key));
      })
      .map((use) => `${use.file}:${use.line} ${use.key}${use.prefix ? "…" : ""}`);
    expect(missing).toEqual([]);
  });
});
