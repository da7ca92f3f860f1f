// V8's explicit compile hints for the editor's code (issue 15: an 86 KB
// document editable within 150 ms of its data arriving). V8 compiles a
// function the first time it runs; the first editor of a page ran tiptap and
// ProseMirror cold, and compiling them took 40–60 ms of the 120–200 ms slow
// loads (the page's Chrome trace, bench/README.md). A script whose first line
// is `//# allFunctionsCalledOnLoad` is compiled whole as it loads, off the
// main thread while it streams, long before the document comes
// (https://v8.dev/blog/explicit-compile-hints; Chromium 136 and later; other
// browsers read a comment).
//
// The editor's packages get a chunk of their own (EDITOR_PACKAGES), so the
// hint covers them and nothing else; the comment goes in after minification,
// which would drop it, and before the content hash, which then covers it.

export const COMPILE_HINT = "//# allFunctionsCalledOnLoad\n";
export const EDITOR_CHUNK = "editor";

/** tiptap, ProseMirror and what they alone use: the code that builds an editor. */
export const EDITOR_PACKAGES = /[\\/]node_modules[\\/](@tiptap|prosemirror-[a-z-]+|orderedmap|rope-sequence|w3c-keyname|linkifyjs)[\\/]/;

export class CompileHintsPlugin {
  /** @param {import("webpack").Compiler} compiler */
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("CompileHintsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "CompileHintsPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE }, () => {
        for (const chunk of compilation.chunks) {
          if (chunk.name !== EDITOR_CHUNK) continue;
          for (const file of chunk.files) {
            if (!file.endsWith(".js")) continue;
            compilation.updateAsset(file, (old) => new sources.ConcatSource(COMPILE_HINT, old));
          }
        }
      });
    });
  }
}

/** The client build's editor chunk, with the hint (next.config.mjs). */
export function withEditorCompileHints(config) {
  config.optimization.splitChunks.cacheGroups[EDITOR_CHUNK] = {
    test: EDITOR_PACKAGES,
    name: EDITOR_CHUNK,
    chunks: "all",
    // Above Next's own `lib` group (30: one chunk per module over 160 KB), below `framework` (40).
    priority: 35,
    enforce: true,
  };
  config.plugins.push(new CompileHintsPlugin());
  return config;
}
