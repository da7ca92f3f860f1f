import { memo, type HTMLAttributes } from "react";

type Props = { html: string } & Omit<HTMLAttributes<HTMLDivElement>, "children" | "dangerouslySetInnerHTML">;

/**
 * Rendered (sanitised) HTML in a div, written again only when it changed.
 * React 19 sets innerHTML whenever the prop's object is new, so every render
 * of a parent (threads or a live event arriving) rewrote it and dropped a
 * reader's selection: in the document, the "Comment" button with it.
 */
export const Html = memo(function Html({ html, ...rest }: Props) {
  return <div {...rest} dangerouslySetInnerHTML={{ __html: html }} />;
});
