export interface ColorSettings {
  /** --color (true) or --no-color (false); undefined when neither was given. */
  flag: boolean | undefined;
  env: Readonly<Record<string, string | undefined>>;
  isTTY: boolean;
}

/**
 * The one place that decides colour: --color / --no-color, then NO_COLOR and TERM=dumb, then FORCE_COLOR, then
 * whether stdout is a terminal. chalk alone would ignore NO_COLOR, so its level is set from here.
 */
export function shouldColor(settings: ColorSettings): boolean {
  if (settings.flag !== undefined) return settings.flag;
  const noColor = settings.env.NO_COLOR;
  if (noColor !== undefined && noColor !== "") return false;
  // A dumb terminal shows escape sequences as text.
  if (settings.env.TERM === "dumb") return false;
  const force = settings.env.FORCE_COLOR;
  if (force !== undefined) return !["0", "false"].includes(force.toLowerCase());
  return settings.isTTY;
}
