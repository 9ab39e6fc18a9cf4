/**
 * What separates tags in a sheet's 标签 cell and in the editor's tag field. A stored tag never contains one, whichever
 * way it came (editor, sheet, team pack), so a library exported as a sheet imports with the same tags.
 */
export const TAG_SEPARATORS = /[,，;；、|]+/;

export const splitTags = (text: string): string[] => text.split(TAG_SEPARATORS).map((tag) => tag.trim()).filter(Boolean);
