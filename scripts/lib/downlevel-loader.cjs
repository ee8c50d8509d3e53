// A webpack loader that lowers JavaScript from node_modules to the bundle's declared ECMAScript
// target with esbuild. ts-loader compiles our TypeScript to that target already (tsconfig), but
// packages ship newer syntax (tabster's `??=` and class static blocks, ES2021/ES2022), which older
// WKWebViews on the Mac cannot parse. Only syntax is lowered; nothing is polyfilled.
const { transform } = require('esbuild');

/** @this {import('webpack').LoaderContext<{ target: string }>} */
module.exports = function downlevel(source, inputMap) {
  const callback = this.async();
  const { target } = this.getOptions();
  transform(source, {
    target,
    loader: 'js',
    sourcefile: this.resourcePath,
    sourcemap: this.sourceMap ? 'external' : false,
    // Keep names and module syntax as they are: webpack still has to see the imports and exports.
    minify: false,
  }).then(
    (result) => callback(null, result.code, result.map ? JSON.parse(result.map) : inputMap),
    (error) => callback(error),
  );
};
