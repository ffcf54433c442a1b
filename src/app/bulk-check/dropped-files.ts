// The files of a drop, with dropped folders walked recursively (an office drops "all of 2025").
// Names keep their folder path ("交通局/2025年报.pdf") so files of the same name stay apart.

function readEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

/** A file with the name it is shown and reported under. */
export type NamedFile = { file: File; name: string };

/** Files chosen with an <input type="file"> (a folder's files carry their relative path). */
export const pickedFiles = (files: FileList): NamedFile[] => [...files].map((file) => ({ file, name: file.webkitRelativePath || file.name }));

async function filesOf(entry: FileSystemEntry, prefix: string): Promise<NamedFile[]> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    return [{ file, name: prefix + file.name }];
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const files: NamedFile[] = [];
  // readEntries answers in batches (100 in Chromium) until an empty one.
  for (let batch = await readEntries(reader); batch.length; batch = await readEntries(reader)) {
    for (const child of batch) files.push(...(await filesOf(child, `${prefix}${entry.name}/`)));
  }
  return files;
}

export async function droppedFiles(data: DataTransfer): Promise<NamedFile[]> {
  const entries = [...data.items].map((item) => item.webkitGetAsEntry()).filter((e): e is FileSystemEntry => e !== null);
  if (!entries.length) return pickedFiles(data.files);
  return (await Promise.all(entries.map((e) => filesOf(e, '')))).flat();
}
