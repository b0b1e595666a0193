/**
 * What makes two names the same name: Unicode normalisation (NFC) and letter case aside. Two
 * workloads "Chat" and "chat", or "café" written two ways, would be told apart by the code and
 * not by a reader; they are one name, and giving it twice is an error.
 */
export function nameKey(name: string): string {
  return name.normalize("NFC").toLowerCase();
}
