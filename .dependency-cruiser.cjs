// The layers of DESIGN.md's Layout, enforced by `npm test` (npm run lint:layers).
// Lowest first; a folder imports only folders below it (type-only imports
// included). test/ and bench/ may import anything, so they are not cruised.
//
//   0 report  1 config  2 probe  3 chains  4 agreement  5 engine, alarms
//   6 metrics  7 publish  8 status  9 serve, cost, demo  10 cli, functions  11 infra
//
// Each rule names a folder and every folder it must not import: the folders
// at its own rank or above. A new src/ folder must be placed here (the last
// rule fails on a folder no rule knows).
const LAYERS = [
  ['src/report'],
  ['src/config'],
  ['src/probe'],
  ['src/chains'],
  ['src/agreement'],
  ['src/engine', 'src/alarms'],
  ['src/metrics'],
  ['src/publish'],
  ['src/status'],
  ['src/serve', 'src/cost', 'src/demo'],
  ['src/cli', 'functions'],
  ['infra'],
];

const folderPattern = (folders) => `^(${folders.map((f) => f.replace('/', '\\/')).join('|')})/`;

const layerRules = LAYERS.flatMap((folders, rank) => folders.map((folder) => {
  const notBelow = LAYERS.slice(rank).flat().filter((other) => other !== folder);
  return {
    name: `layer:${folder}`,
    comment: `${folder} may import only layers below it (DESIGN.md, Layout): not ${notBelow.join(', ')}`,
    severity: 'error',
    from: { path: folderPattern([folder]) },
    to: { path: folderPattern(notBelow) },
  };
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'no-cycles',
      comment: 'No file imports one that imports it back.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'infra-only-functions-common',
      comment: "infra/ reads the Lambdas' shared contract (functions/common/), never a handler's insides.",
      severity: 'error',
      from: { path: '^infra/' },
      to: { path: '^functions/(?!common/)' },
    },
    {
      name: 'handlers-apart',
      comment: 'The two Lambdas share code only through functions/common/.',
      severity: 'error',
      from: { path: '^functions/(probe|status)/' },
      to: { path: '^functions/(probe|status)/', pathNot: '^functions/$1/' },
    },
    {
      name: 'src-no-aws-lambda-or-cdk',
      comment: 'The pure core never imports Lambda types, CDK or constructs.',
      severity: 'error',
      from: { path: '^src/' },
      to: {
        path: '(^|/)node_modules/(@types/aws-lambda|aws-cdk-lib|constructs|@middy|@aws-lambda-powertools)/',
        pathNot: '(^|/)node_modules/@aws-lambda-powertools/parameters/',
      },
    },
    {
      name: 'powertools-parameters-at-the-edge',
      comment: 'Powertools Parameters (SDK clients with a value cache, nothing Lambda-specific) reads ssm/secretsmanager references for the Lambda and the CLI alike, from src/publish/ only.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/publish/' },
      to: { path: '(^|/)node_modules/@aws-lambda-powertools/parameters/' },
    },
    {
      name: 'aws-sdk-at-the-edges',
      comment: 'The AWS SDK is used only in src/publish/ and functions/ (and infra, which never calls it).',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/publish/' },
      to: { path: '(^|/)node_modules/@aws-sdk/' },
    },
    {
      name: 'every-src-folder-has-a-layer',
      comment: 'A new folder under src/ must be given its place in LAYERS above.',
      severity: 'error',
      from: { path: '^src/', pathNot: folderPattern(LAYERS.flat().filter((f) => f.startsWith('src/'))) },
      to: {},
    },
  ],
  options: {
    parser: 'swc',
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(test|bench|node_modules|cdk\\.out|dist)/' },
    tsConfig: undefined,
  },
};
