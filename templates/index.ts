// Every format the app knows, by the id a document's `format` names. A new revision of the format is
// a folder beside gov-2021 and its line here.
import gov2021 from './gov-2021/index.ts';

export default { 'gov-2021': gov2021 } as const;
