// The one filler for message templates of every catalogue (errors, import warnings, pane strings).
//
// `{0}` is the parameter itself. `{0|measure|measures}` is a count with its noun: “1 measure”,
// “5 measures”, “1,200 measures”. English needs it (“1 problems” reads as a slip); Chinese
// templates never use it, because a Chinese count word does not change with the number.

const PLACEHOLDER = /\{(\d)(?:\|([^|{}]*)\|([^|{}]*))?\}/g;

export type TemplateParam = string | number;

export function fillTemplate(template: string, params: readonly TemplateParam[]): string {
  return template.replace(PLACEHOLDER, (_, index: string, one: string | undefined, other: string | undefined) => {
    const value = params[Number(index)];
    if (one === undefined || other === undefined) return value === undefined ? '' : String(value);
    const count = typeof value === 'number' ? value : Number(String(value ?? '').replace(/,/g, ''));
    const shown = typeof value === 'number' ? value.toLocaleString('en-US') : String(value ?? '');
    return `${shown} ${count === 1 ? one : other}`;
  });
}
