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

interface Props {
  doc: Y.Doc;
  provider: WebsocketProvider;
  user: AwarenessUser;
  itemId: string;
  itemTitle: string;
  editable: boolean;
}

// Memoised: the board re-renders on every document change, the editor only when its own props change.
export const ProposalEditor = memo(function ProposalEditor({ doc, provider, user, itemId, itemTitle, editable }: Props) {
  const editor = useEditor(
    {
      extensions: [
        // Undo/redo come from the Yjs history of the collaboration extension.
        StarterKit.configure({ undoRedo: false }),
        Collaboration.configure({ document: doc, field: proposalRootName(itemId) }),
        CollaborationCaret.configure({ provider, user }),
      ],
      editable,
      // TipTap would add its base CSS as an inline <style>, which the board's policy refuses: it is in editor.css.
      injectCSS: false,
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: {
          'aria-label': `Proposal text of ${itemTitle}`,
          'aria-multiline': 'true',
          role: 'textbox',
          class: 'proposal-text',
          'data-testid': 'proposal-editor',
        },
      },
    },
    [doc, provider, itemId],
  );

  useEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);

  return (
    <div className={`proposal${editable ? '' : ' read-only'}`}>
      {editable && <EditorToolbar editor={editor} />}
      <EditorContent editor={editor} />
      {!editable && <p className="hint">Read-only.</p>}
    </div>
  );
});
