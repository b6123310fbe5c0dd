import { Input } from '@mantine/core';
import { Link, RichTextEditor } from '@mantine/tiptap';
import '@mantine/tiptap/styles.css';
import { useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useTranslation } from 'react-i18next';

/**
 * The note's detail as rich text: headings, lists, bold, italic, underline and
 * links, nothing else. The editor's schema drops everything else on paste
 * (images, scripts, styles); main sanitises the HTML again before storing it.
 */
export function RichTextField(props: {
  label: string;
  placeholder: string;
  initialHtml: string;
  onChange: (html: string) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const editor = useEditor({
    extensions: [
      // Mantine's Link (keeps the link control's state); code and quotes have no place in a meeting note.
      StarterKit.configure({
        link: false,
        code: false,
        codeBlock: false,
        blockquote: false,
        horizontalRule: false,
        heading: { levels: [2, 3] },
      }),
      Link.configure({ openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto', 'tel'] }),
    ],
    content: props.initialHtml,
    // The toolbar shows which marks are on at the cursor: it has to redraw as the cursor moves.
    shouldRerenderOnTransaction: true,
    editorProps: { attributes: { 'aria-label': props.label, 'data-testid': 'note-body' } },
    onUpdate: ({ editor: e }) => props.onChange(e.isEmpty ? '' : e.getHTML()),
  });
  const e = (key: string) => t(`notes.editor.${key}`);
  return (
    <Input.Wrapper label={props.label} error={props.error}>
      <RichTextEditor
        editor={editor}
        labels={{
          boldControlLabel: e('bold'),
          italicControlLabel: e('italic'),
          underlineControlLabel: e('underline'),
          h2ControlLabel: e('h2'),
          h3ControlLabel: e('h3'),
          bulletListControlLabel: e('bulletList'),
          orderedListControlLabel: e('orderedList'),
          linkControlLabel: e('link'),
          unlinkControlLabel: e('unlink'),
          linkEditorInputLabel: e('link'),
          linkEditorInputPlaceholder: e('linkPlaceholder'),
          linkEditorSave: e('linkSave'),
          undoControlLabel: e('undo'),
          redoControlLabel: e('redo'),
        }}
        styles={{ content: { minHeight: 140 } }}
      >
        <RichTextEditor.Toolbar>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Bold />
            <RichTextEditor.Italic />
            <RichTextEditor.Underline />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.H2 />
            <RichTextEditor.H3 />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.BulletList />
            <RichTextEditor.OrderedList />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Link />
            <RichTextEditor.Unlink />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Undo />
            <RichTextEditor.Redo />
          </RichTextEditor.ControlsGroup>
        </RichTextEditor.Toolbar>
        <RichTextEditor.Content />
      </RichTextEditor>
    </Input.Wrapper>
  );
}
