// Shows HTML compiled from content. It was sanitized at build time (src/content/markdown.ts),
// so no script, event handler or javascript: URL can reach this point.
export function ContentHtml({ html, className }: { html: string; className?: string }) {
  return <div className={className ? `prose ${className}` : 'prose'} dangerouslySetInnerHTML={{ __html: html }} />;
}

export function InlineHtml({ html }: { html: string }) {
  return <span dangerouslySetInnerHTML={{ __html: html }} />;
}
