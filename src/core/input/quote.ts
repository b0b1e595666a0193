/**
 * A string the user wrote, quoted for a message and cut to `max` characters, so that a long value
 * (a 20,000-character name in a hostile file) cannot fill the message.
 */
export function quote(text: string, max = 60): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max - 3)}...` : text);
}
