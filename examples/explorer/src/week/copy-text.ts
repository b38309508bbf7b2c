/**
 * Copying a drafted message: the clipboard API where the browser allows it,
 * else the text selected in its field and the browser's copy command.
 */

/**
 * Copies the text of a read-only field; resolves with whether it was copied.
 *
 * @example await copyFieldText(messageField) // true
 */
export async function copyFieldText(field: HTMLTextAreaElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(field.value);
    return true;
  } catch {
    field.focus();
    field.select();
    try {
      return document.execCommand("copy");
    } catch {
      return false;
    }
  }
}
