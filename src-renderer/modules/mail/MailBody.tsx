import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { frameDocument, outsideLink } from './mail-frame';
import classes from './mail.module.css';

/** The body of a mail: its sanitised HTML in a sandboxed frame, or its text as written. */
export function MailBody({ html, text }: { html: string | null; text: string }) {
  if (html) return <HtmlFrame html={html} />;
  return (
    <pre className={classes.text} data-testid="mail-text">
      {text}
    </pre>
  );
}

/**
 * sandbox="allow-same-origin" and nothing else: no script of the mail ever runs (no allow-scripts), it
 * cannot open windows, submit forms or navigate the app. Same origin lets this page (not the mail) read
 * the frame's height to fit it to its content, and catch link clicks: a web or mail link opens outside
 * the app (Electron hands window.open to the OS; a browser opens a new tab without access back to us).
 */
function HtmlFrame({ html }: { html: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(80);
  const srcDoc = useMemo(() => frameDocument(html), [html]);
  const detach = useRef<() => void>(() => undefined);
  useEffect(() => () => detach.current(), []);

  const onLoad = () => {
    detach.current();
    const doc = ref.current?.contentDocument;
    if (!doc?.body) return;
    const body = doc.body;
    const fit = () => setHeight(Math.max(body.scrollHeight, body.offsetHeight) + 2);
    fit();
    // Inlined images and the frame's own width change the height after load.
    const observer = new ResizeObserver(fit);
    observer.observe(body);
    const onClick = (event: MouseEvent) => {
      // The target lives in the frame's realm: `instanceof Element` of this page would be false.
      const anchor = (event.target as Element | null)?.closest?.('a[href]');
      if (!anchor) return;
      event.preventDefault();
      const url = outsideLink(anchor.getAttribute('href'));
      if (url) window.open(url, '_blank', 'noopener,noreferrer');
    };
    doc.addEventListener('click', onClick);
    doc.addEventListener('auxclick', onClick);
    detach.current = () => {
      observer.disconnect();
      doc.removeEventListener('click', onClick);
      doc.removeEventListener('auxclick', onClick);
    };
  };

  return (
    <iframe
      ref={ref}
      title={t('mail.bodyFrame')}
      className={classes.frame}
      sandbox="allow-same-origin"
      referrerPolicy="no-referrer"
      srcDoc={srcDoc}
      onLoad={onLoad}
      style={{ height }}
      data-testid="mail-frame"
    />
  );
}
