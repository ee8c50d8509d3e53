// Builds the add-in into dist/: one taskpane.html for the shared runtime (pane and custom functions),
// functions.json from the functions' JSDoc, functions.zh-cn.json and the help pages derived from it,
// Office.js copied from @microsoft/office-js, the icons and the manifest — every URL on ADDIN_URL.
//
//   npm run build                                        production, https://localhost:3000/
//   ADDIN_URL=https://intranet.example/zg/ npm run build  production for an intranet web server
//   npm run dev-server                                   https://localhost:3000 with live reload
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

useNestedAjv8();

// The helpers and src/functions/metadata.ts are TypeScript; tsx compiles them on require.
require('tsx/cjs/api').register();
const { normalizeAddinUrl, rewriteAddinUrl, rewriteAddinUrlInJson } = require('./scripts/lib/addin-url.ts');
const { HELP_INDEX, renderHelpIndex } = require('./scripts/lib/help-index.ts');

const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { generateCustomFunctionsMetadata } = require('custom-functions-metadata');

const SRC = path.join(__dirname, 'src');
const METADATA_MODULE = path.join(SRC, 'functions', 'metadata.ts');
const FUNCTIONS_MODULE = path.join(SRC, 'functions', 'functions.ts');
const OFFICE_JS_DIST = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');
const DEV_SERVER_PORT = Number(process.env.npm_package_config_dev_server_port || 3000);
/**
 * The ECMAScript version every emitted script keeps to (test/build/built-output.test.ts parses the
 * start-up chunks with it). The manifest asks for SharedRuntime 1.1, so no add-in page runs in
 * EdgeHTML, and Trident cannot host the shared runtime; what remains (learn.microsoft.com/office/dev/
 * add-ins/concepts/browsers-used-by-office-web-add-ins) is WebView2 on Windows (evergreen Chromium),
 * the user's browser for Excel on the web, and on the Mac "Safari with WKWebView": the engine of
 * the installed macOS's Safari, which the add-in cannot choose. Safari 15 (macOS 11 and 12, which
 * Office for Mac builds of 2022–2023 still ran on) parses ES2021 and class fields but not class
 * static blocks (Safari 16.4). ES2020 is parsed by every webview that can host the shared runtime
 * without tracking Safari point releases; node_modules is lowered to it too. Syntax only: library
 * calls newer than ES2020 (tsconfig lib ES2022) are the code's own business.
 */
const ES_TARGET = 'es2020';
/** Chunks whose file names the manifest or taskpane.html rely on across builds. */
const STABLE_NAMES = new Set(['functions', 'taskpane', 'runtime']);

/**
 * npm installs with legacy-peer-deps=true (DESIGN §11), which leaves eslint's ajv 6 at the top of
 * node_modules. schema-utils 4 (used by webpack-dev-server and copy-webpack-plugin to check their
 * options) then loads ajv-keywords 5, which needs ajv 8's 'ajv/dist/compile/codegen' and throws.
 * schema-utils carries its own ajv 8: make its folder a last-resort lookup path (NODE_PATH), after
 * every node_modules folder, so nothing that finds ajv 6 today changes. A no-op once ajv 8 resolves.
 */
function useNestedAjv8() {
  let nested;
  try {
    const keywords = path.dirname(require.resolve('ajv-keywords/package.json'));
    try {
      require.resolve('ajv/dist/compile/codegen', { paths: [keywords] });
      return; // ajv 8 resolves normally: nothing to mend
    } catch {
      nested = path.join(path.dirname(require.resolve('schema-utils/package.json')), 'node_modules');
    }
  } catch {
    return; // a different dependency tree without this problem
  }
  if (!fs.existsSync(path.join(nested, 'ajv', 'dist', 'compile', 'codegen'))) return;
  process.env.NODE_PATH = [process.env.NODE_PATH, nested].filter(Boolean).join(path.delimiter);
  require('node:module')._initPaths();
}

/**
 * functions.json is generated here from the JSDoc of src/functions/functions.ts with
 * custom-functions-metadata, the library behind Microsoft's CustomFunctionsMetadataPlugin. Not that
 * plugin itself: its loader appends an unguarded `CustomFunctions.associate(id, fn)` per function to
 * functions.ts, which already registers each id once, guarded (office.js then logged [DuplicatedName]
 * nine times, and the appended calls threw wherever CustomFunctions is missing). From the English
 * metadata this plugin sets what JSDoc cannot say (allowErrorForDataTypeAny, metadata.ts), derives
 * functions.zh-cn.json (DESIGN §11), writes the help pages and moves help URLs onto ADDIN_URL.
 */
class LocalizedFunctionsPlugin {
  constructor(addinUrl) {
    this.addinUrl = addinUrl;
  }

  apply(compiler) {
    const name = 'LocalizedFunctionsPlugin';
    const { RawSource } = compiler.webpack.sources;
    let generated = null;
    compiler.hooks.beforeCompile.tapPromise(name, async () => {
      generated = await generateCustomFunctionsMetadata(FUNCTIONS_MODULE, false);
    });
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap({ name, stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        compilation.fileDependencies.add(METADATA_MODULE);
        compilation.fileDependencies.add(FUNCTIONS_MODULE);
        if (!generated || generated.errors.length > 0) {
          for (const error of generated?.errors ?? ['no metadata']) {
            compilation.errors.push(new compiler.webpack.WebpackError(`functions.json from src/functions/functions.ts: ${error}`));
          }
          return;
        }
        // In watch mode metadata.ts (and what it imports) may have changed since the last build.
        for (const key of Object.keys(require.cache)) if (key.startsWith(SRC)) delete require.cache[key];
        const { completeMetadata, localizeMetadata, renderHelpPages } = require(METADATA_MODULE);
        const english = completeMetadata(JSON.parse(generated.metadataJson));
        const json = (value) => new RawSource(`${JSON.stringify(rewriteAddinUrlInJson(value, this.addinUrl), null, 2)}\n`);
        compilation.emitAsset('functions.json', json(english));
        compilation.emitAsset('functions.zh-cn.json', json(localizeMetadata(english)));
        const pages = renderHelpPages();
        for (const [file, html] of Object.entries(pages)) compilation.emitAsset(file, new RawSource(rewriteAddinUrl(html, this.addinUrl)));
        if (!(HELP_INDEX in pages)) compilation.emitAsset(HELP_INDEX, new RawSource(renderHelpIndex(pages)));
      });
    });
  }
}

/** Office.js and the files it loads relative to itself for Excel: host files, UI strings, telemetry sink. */
function officeJsPatterns() {
  // Copied as Microsoft ships them: `minimized` keeps terser off 9 MB of already minified code.
  const common = { context: OFFICE_JS_DIST, to: 'office-js/[path][name][ext]', info: { minimized: true } };
  return [
    { ...common, from: 'office.js' },
    // excel-{web,win32,mac,ios,android,winrt}-16.0x(-core).js: office.js picks one per host.
    { ...common, from: 'excel-*-16.*.js', globOptions: { ignore: ['**/*.debug.js'] } },
    // <locale>/office_strings.js for every Office UI language.
    { ...common, from: '*/office_strings.js' },
    // A single file keeps no [path]: name its folder.
    { ...common, from: 'telemetry/oteljs_agave.js', to: 'office-js/telemetry/[name][ext]' },
    // Office on the web shows this page when it cannot trust the add-in's host.
    { ...common, from: 'agaveerrorux/**', globOptions: { ignore: ['**/*.debug.js'] } },
  ];
}

/** https with the office-addin-dev-certs certificate when present, else webpack-dev-server's own. */
function devServerTransport() {
  if (process.env.DEV_SERVER_HTTP === '1') return 'http';
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const file = (name) => path.join(dir, name);
  if (fs.existsSync(file('localhost.crt')) && fs.existsSync(file('localhost.key'))) {
    const options = { cert: fs.readFileSync(file('localhost.crt')), key: fs.readFileSync(file('localhost.key')) };
    if (fs.existsSync(file('ca.crt'))) options.ca = fs.readFileSync(file('ca.crt'));
    return { type: 'https', options };
  }
  // webpack-dev-server generates a self-signed certificate; the browser asks once to accept it.
  return 'https';
}

module.exports = (_env, argv) => {
  const mode = argv.mode === 'development' ? 'development' : 'production';
  const dev = mode === 'development';
  const addinUrl = normalizeAddinUrl(process.env.ADDIN_URL);

  return {
    mode,
    target: ['web', ES_TARGET],
    devtool: dev ? 'source-map' : false,
    entry: {
      functions: './src/functions/functions.ts',
      taskpane: './src/taskpane/index.tsx',
      // 整改台账助手 without Excel (DESIGN §12): the same pane over a ledger file, no Office.js.
      app: './src/app/index.tsx',
    },
    output: {
      path: path.join(__dirname, 'dist'),
      // Entry files keep stable names (the manifest names functions.js); html-webpack-plugin adds
      // ?hash to them for cache busting. Every other chunk carries a content hash.
      filename: (pathData) => (dev || STABLE_NAMES.has(pathData.chunk?.name) ? '[name].js' : '[name].[contenthash:8].js'),
      chunkFilename: dev ? '[name].js' : '[name].[contenthash:8].js',
      assetModuleFilename: 'assets/[name].[contenthash:8][ext]',
      // Relative to the running script, so the build works under any ADDIN_URL path.
      publicPath: 'auto',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.mjs', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { noEmit: false, sourceMap: dev } } },
        },
        {
          // Packages ship newer syntax than ES_TARGET (Fluent UI's tabster: `??=`, static blocks).
          test: /\.m?js$/,
          include: /node_modules/,
          use: { loader: path.join(__dirname, 'scripts', 'lib', 'downlevel-loader.cjs'), options: { target: ES_TARGET } },
        },
        { test: /\.(png|svg|jpe?g|gif)$/i, type: 'asset/resource' },
      ],
    },
    optimization: {
      // One webpack runtime for both entries: pane and functions share module instances (settings,
      // calendar overrides) instead of each getting a copy.
      runtimeChunk: 'single',
      splitChunks: { chunks: 'all' },
    },
    // scripts/check-bundle.ts enforces the real budget (gzip of what taskpane.html loads).
    performance: { hints: false },
    plugins: [
      new LocalizedFunctionsPlugin(addinUrl),
      new HtmlWebpackPlugin({
        template: './src/taskpane/taskpane.html',
        filename: 'taskpane.html',
        chunks: ['functions', 'taskpane'],
        chunksSortMode: 'manual',
        scriptLoading: 'defer',
        inject: 'head',
        hash: true,
        minify: dev ? false : { collapseWhitespace: true, removeComments: true, minifyCSS: true },
      }),
      new HtmlWebpackPlugin({
        template: './src/app/app.html',
        filename: 'app.html',
        chunks: ['app'],
        scriptLoading: 'defer',
        inject: 'head',
        hash: true,
        minify: dev ? false : { collapseWhitespace: true, removeComments: true, minifyCSS: true },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: '[path][name][ext]' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: { transformer: (content) => rewriteAddinUrl(content.toString(), addinUrl), cache: false },
          },
          ...officeJsPatterns(),
        ],
      }),
    ],
    devServer: {
      port: DEV_SERVER_PORT,
      host: 'localhost',
      // Office on the web and the desktop webviews load the pane cross-origin.
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: devServerTransport(),
      static: false,
      hot: false,
      liveReload: true,
      client: { overlay: { errors: true, warnings: false } },
    },
    stats: 'errors-warnings',
  };
};
