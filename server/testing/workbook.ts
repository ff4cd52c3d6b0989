import yauzl from 'yauzl';

/** One part of a written workbook (e.g. `xl/worksheets/sheet1.xml`), as text. */
export const readWorkbookPart = (zipPath: string, name: string) =>
  new Promise<string>((resolve, reject) => {
    yauzl.open(zipPath, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== name) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            zip.close();
            resolve(Buffer.concat(chunks).toString('utf8'));
          });
        });
      });
      zip.on('end', () => reject(new Error(`no ${name} in the workbook`)));
      zip.readEntry();
    });
  });
