// cli-table3 measures cell text with this function (ANSI colours aside, wide characters twice); its
// package declares types for the table only.
declare module "cli-table3/src/utils.js" {
  export function strlen(text: string): number;
}
