// format.outdated: wording of the 2019 trial format, wherever it is found (the prose, or the text of
// a published report's tables). The phrases are the template's; the message is this one.
import { GOV_2021, type Template } from './template.ts';

export interface OutdatedPhrase {
  id: string;
  /** The words as found. */
  quote: string;
  /** What the current format says instead. */
  now: string;
}

const compiled = new WeakMap<Template, { id: string; re: RegExp; now: string }[]>();

function phrases(template: Template) {
  let list = compiled.get(template);
  if (!list) {
    list = template.format.outdatedPhrases.map((p) => ({ id: p.id, re: new RegExp(p.pattern), now: p.now }));
    compiled.set(template, list);
  }
  return list;
}

export function findOutdated(text: string, template: Template = GOV_2021): OutdatedPhrase[] {
  return phrases(template).flatMap(({ id, re, now }) => {
    const m = re.exec(text);
    return m ? [{ id, quote: m[0], now }] : [];
  });
}

/** The phrase the template lists under `id`, quoted as `quote` (a table row printed with the old label). */
export function outdatedPhrase(id: string, quote: string, template: Template = GOV_2021): OutdatedPhrase {
  const phrase = template.format.outdatedPhrases.find((p) => p.id === id);
  if (!phrase) throw new Error(`template ${template.format.id} has no outdated phrase ${id}`);
  return { id, quote, now: phrase.now };
}

/** `where` names the place in Chinese: a prose part's name, or 表二. */
export function outdatedMessage(where: string, phrase: OutdatedPhrase): string {
  return `${where}出现2019年试行格式的表述“${phrase.quote}”：${phrase.now}`;
}
