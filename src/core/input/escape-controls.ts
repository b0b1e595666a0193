/**
 * Characters a terminal acts on instead of showing: C0 and C1 controls (escape sequences, bells,
 * carriage returns; tab and line feed are left to the caller) and the bidirectional controls that
 * reorder what is shown (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069).
 */
const UNSAFE_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every unsafe character shown as a \u escape. */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE_CHARACTERS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
