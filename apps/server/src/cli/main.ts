export {};
// Commands load their modules when chosen: `reconcile` must not pay for the database and server stack `import` needs.
const USAGE = `用法：
  npx notoneless import --kind hukou|xueji|roster|poverty|disability 文件 [--county 410182] [--school 学校标识码]
  npx notoneless reconcile --hukou 户籍.csv --xueji 学籍.csv --roster 名册.csv [--poverty 脱贫户.csv] [--disability 残疾人.csv] [--as-of YYYY-MM-DD] [--county 410182] [--out 目录] [--json]`;

const [command, ...rest] = process.argv.slice(2);
let code = 0;
try {
  switch (command) {
    case 'import':
      code = await (await import('./import.command')).runImport(rest);
      break;
    case 'reconcile':
      code = await (await import('./reconcile.command')).runReconcile(rest);
      break;
    default:
      console.error(USAGE);
      code = command === undefined || command === '--help' || command === '-h' ? 0 : 2;
  }
} catch (e) {
  console.error(`错误：${(e as Error).message}`);
  code = 1;
}
process.exit(code);
