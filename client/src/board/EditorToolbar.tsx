// Basic formatting for the proposal: bold, italic, heading, lists, quote.
import { useEditorState, type Editor } from '@tiptap/react';
import { UI } from './words.ts';

type Format = { label: string; key: string; active: (e: Editor) => boolean; run: (e: Editor) => void };

const FORMATS: Format[] = [
  {
    get label() {
      return UI.editor.bold;
    },
    key: 'B',
    active: (e) => e.isActive('bold'),
    run: (e) => e.chain().focus().toggleBold().run(),
  },
  {
    get label() {
      return UI.editor.italic;
    },
    key: 'I',
    active: (e) => e.isActive('italic'),
    run: (e) => e.chain().focus().toggleItalic().run(),
  },
  {
    get label() {
      return UI.editor.heading;
    },
    key: 'H',
    active: (e) => e.isActive('heading', { level: 2 }),
    run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(),
  },
  {
    get label() {
      return UI.editor.bullet;
    },
    key: '•',
    active: (e) => e.isActive('bulletList'),
    run: (e) => e.chain().focus().toggleBulletList().run(),
  },
  {
    get label() {
      return UI.editor.numbered;
    },
    key: '1.',
    active: (e) => e.isActive('orderedList'),
    run: (e) => e.chain().focus().toggleOrderedList().run(),
  },
  {
    get label() {
      return UI.editor.quote;
    },
    key: '❝',
    active: (e) => e.isActive('blockquote'),
    run: (e) => e.chain().focus().toggleBlockquote().run(),
  },
];

export function EditorToolbar({ editor }: { editor: Editor | null }) {
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => (e ? FORMATS.map((f) => f.active(e)) : FORMATS.map(() => false)),
  });
  return (
    <div className="toolbar" role="toolbar" aria-label={UI.editor.formatting}>
      {FORMATS.map((f, i) => (
        // the name is the visible key followed by the word, so what is seen is what is announced (WCAG 2.5.3)
        <button
          key={f.label}
          type="button"
          className="small"
          title={f.label}
          aria-pressed={active?.[i] ?? false}
          disabled={!editor}
          onClick={() => editor && f.run(editor)}
        >
          <span aria-hidden="true">{f.key}</span>
          <span className="visually-hidden">{f.label}</span>
        </button>
      ))}
    </div>
  );
}
