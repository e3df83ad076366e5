// The active item's proposal, co-edited live in TipTap with everyone's carets.
import { memo, useEffect } from 'react';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import type { WebsocketProvider } from 'y-websocket';
import { proposalRootName } from '@consent/shared';
import type * as Y from 'yjs';
import type { AwarenessUser } from '../sync/useMeetingSync.ts';
import { EditorToolbar } from './EditorToolbar.tsx';
import '../styles/editor.css';
import { UI, UI_T } from './words.ts';

interface Props {
  doc: Y.Doc;
  provider: WebsocketProvider;
  user: AwarenessUser;
  itemId: string;
  itemTitle: string;
  editable: boolean;
  /** Why the editor is read-only, in one line (the consent round's lock, a decided text, a guest). */
  reason?: string;
}

const attributes = (itemTitle: string): Record<string, string> => ({
  'aria-label': UI_T.proposalOf(itemTitle),
  'aria-multiline': 'true',
  role: 'textbox',
  class: 'proposal-text',
  'data-testid': 'proposal-editor',
});

/** A collaborator's caret and name label, hidden from assistive technology (awareness lists who is here). */
function renderCaret(user: Record<string, unknown>): HTMLElement {
  const caret = document.createElement('span');
  caret.classList.add('collaboration-carets__caret');
  caret.setAttribute('aria-hidden', 'true');
  // through the CSSOM, which the board's style-src allows (a style attribute would be refused)
  caret.style.borderColor = String(user.color);
  const label = document.createElement('span');
  label.classList.add('collaboration-carets__label');
  label.style.backgroundColor = String(user.color);
  label.textContent = String(user.name ?? '');
  caret.append(label);
  return caret;
}

// Memoised: the board re-renders on every document change, the editor only when its own props change.
export const ProposalEditor = memo(function ProposalEditor({ doc, provider, user, itemId, itemTitle, editable, reason }: Props) {
  const editor = useEditor(
    {
      extensions: [
        // Undo/redo come from the Yjs history of the collaboration extension.
        StarterKit.configure({ undoRedo: false }),
        Collaboration.configure({ document: doc, field: proposalRootName(itemId) }),
        // others' carets are decoration: their names must not be read as proposal text
        CollaborationCaret.configure({ provider, user, render: renderCaret }),
      ],
      editable,
      // TipTap would add its base CSS as an inline <style>, which the board's policy refuses: it is in editor.css.
      injectCSS: false,
      shouldRerenderOnTransaction: false,
      editorProps: { attributes: { ...attributes(itemTitle), 'aria-readonly': String(!editable) } },
    },
    [doc, provider, itemId],
  );

  useEffect(() => {
    if (!editor) return;
    if (editor.isEditable !== editable) editor.setEditable(editable);
    // a read-only editor says so to assistive technology
    editor.setOptions({
      editorProps: { ...editor.options.editorProps, attributes: { ...attributes(itemTitle), 'aria-readonly': String(!editable) } },
    });
  }, [editor, editable, itemTitle]);

  return (
    <div className={`proposal${editable ? '' : ' read-only'}`}>
      {editable && <EditorToolbar editor={editor} />}
      <EditorContent editor={editor} />
      {!editable && <p className="hint lock-reason">{reason ?? UI.participants.readOnly}</p>}
    </div>
  );
});
