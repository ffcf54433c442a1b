/** URL of a GB2312-sized subset of a shipped face (see vite-plugin.ts). */
declare module 'nianbao-font-subset:*' {
  const url: string;
  export default url;
}
