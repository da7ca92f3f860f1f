// Reading typography for RFC documents, as Tailwind utilities on the editor
// root (its children are ProseMirror's own elements). System fonts only
// (app/globals.css defines --font-sans / --font-mono).
export const PROSE_RFC = [
  "max-w-none py-2 font-sans text-[15px] leading-7 text-slate-800 focus:outline-none",
  "[&_h1]:mt-8 [&_h1]:mb-4 [&_h1]:text-3xl [&_h1]:font-semibold [&_h1]:tracking-tight [&_h1]:text-slate-900",
  "[&_h2]:mt-8 [&_h2]:mb-3 [&_h2]:border-b [&_h2]:border-slate-200 [&_h2]:pb-1 [&_h2]:text-2xl [&_h2]:font-semibold [&_h2]:text-slate-900",
  "[&_h3]:mt-6 [&_h3]:mb-2 [&_h3]:text-xl [&_h3]:font-semibold [&_h3]:text-slate-900",
  "[&_h4]:mt-5 [&_h4]:mb-2 [&_h4]:text-lg [&_h4]:font-semibold [&_h5]:mt-4 [&_h5]:font-semibold [&_h6]:mt-4 [&_h6]:font-semibold [&_h6]:text-slate-600",
  "[&_p]:my-3 [&>*:first-child]:mt-0",
  "[&_a]:text-indigo-700 [&_a]:underline [&_a]:decoration-indigo-300 [&_a]:underline-offset-2 [&_a:hover]:decoration-indigo-700",
  "[&_ul]:my-3 [&_ul]:list-disc [&_ul]:pl-6 [&_ol]:my-3 [&_ol]:list-decimal [&_ol]:pl-6 [&_li]:my-1 [&_li>p]:my-1 [&_li_ul]:my-1 [&_li_ol]:my-1",
  // Task items (`- [ ]`): the box takes the bullet's place. In the editor the item is a box and a
  // block (lib/markdown/nodes/task-item.ts); rendered Markdown puts the box inline before the words.
  "[&_li:has(>input[type=checkbox])]:list-none [&_li:has(>input[type=checkbox])]:-ml-6 [&_li:has(>p>input[type=checkbox]:first-child)]:list-none [&_li:has(>p>input[type=checkbox]:first-child)]:-ml-6",
  "[&_li[data-checked]]:flex [&_li[data-checked]]:gap-2 [&_li[data-checked]>div]:min-w-0 [&_li[data-checked]>div]:flex-1 [&_li[data-checked]>div>p]:my-0 [&_li[data-checked]>div>*+*]:mt-1",
  "[&_input[type=checkbox]]:mr-2 [&_input[type=checkbox]]:size-4 [&_input[type=checkbox]]:accent-indigo-600 [&_li[data-checked]>input]:mr-0 [&_li[data-checked]>input]:mt-1.5 [&_li[data-checked]>input]:shrink-0 [&_li[data-checked]>input]:cursor-pointer",
  "[&_blockquote]:my-4 [&_blockquote]:border-l-4 [&_blockquote]:border-slate-300 [&_blockquote]:pl-4 [&_blockquote]:text-slate-600",
  "[&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_code]:py-0.5 [&_code]:font-mono [&_code]:text-[0.88em] [&_code]:text-slate-900",
  "[&_pre]:my-4 [&_pre]:overflow-x-auto [&_pre]:rounded-md [&_pre]:bg-slate-900 [&_pre]:px-4 [&_pre]:py-3 [&_pre]:font-mono [&_pre]:text-[13px] [&_pre]:leading-6 [&_pre]:text-slate-100",
  "[&_pre_code]:bg-transparent [&_pre_code]:p-0 [&_pre_code]:text-inherit",
  "[&_pre.md-html-block]:border [&_pre.md-html-block]:border-dashed [&_pre.md-html-block]:border-slate-300 [&_pre.md-html-block]:bg-slate-50 [&_pre.md-html-block]:text-slate-500",
  "[&_.md-html-inline]:bg-transparent [&_.md-html-inline]:text-slate-500",
  "[&_hr]:my-8 [&_hr]:border-slate-200",
  "[&_table]:my-4 [&_table]:w-full [&_table]:border-collapse [&_table]:text-sm",
  "[&_th]:border [&_th]:border-slate-300 [&_th]:bg-slate-100 [&_th]:px-3 [&_th]:py-1.5 [&_th]:text-left [&_th]:align-top [&_th]:font-semibold",
  "[&_td]:border [&_td]:border-slate-300 [&_td]:px-3 [&_td]:py-1.5 [&_td]:align-top [&_td>p]:my-0 [&_th>p]:my-0",
  "[&_img]:inline [&_img]:max-w-full",
  "[&_.ProseMirror-selectednode]:outline-2 [&_.ProseMirror-selectednode]:outline-indigo-400",
].join(" ");
