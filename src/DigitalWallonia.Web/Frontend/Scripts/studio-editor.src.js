// The rule studio's editor (bundled by esbuild into wwwroot/lib/dw/studio-editor.js). It enhances the draft's textarea
// with CodeMirror 6; the textarea stays the form's field and is kept in sync, so saving and checking work as without
// script, and each change fires its "input" event for htmx's debounced check of the region below. The same server
// diagnostics are marked in the text at their line and column.
import { EditorView, keymap, lineNumbers, highlightActiveLine } from '@codemirror/view';
import { EditorState } from '@codemirror/state';
import { json } from '@codemirror/lang-json';
import { linter, lintGutter } from '@codemirror/lint';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { syntaxHighlighting, defaultHighlightStyle } from '@codemirror/language';

function token() {
    return document.querySelector('meta[name="dw-antiforgery"]')?.content ?? '';
}

function serverDiagnostics(textarea) {
    return async view => {
        const body = new URLSearchParams({ Source: view.state.doc.toString() });
        const response = await fetch(textarea.dataset.diagnosticsUrl, {
            method: 'POST', body, headers: { RequestVerificationToken: token() },
        });
        if (!response.ok) return [];
        const doc = view.state.doc;
        return (await response.json()).map(d => {
            const line = doc.line(Math.min(Math.max(d.line, 1), doc.lines));
            const from = Math.min(line.from + Math.max(d.column - 1, 0), line.to);
            return { from, to: Math.min(from + 1, line.to) > from ? Math.min(from + 1, line.to) : from, severity: 'error', message: `${d.code} ${d.message}` };
        });
    };
}

function enhance(textarea) {
    const view = new EditorView({
        state: EditorState.create({
            doc: textarea.value,
            extensions: [
                lineNumbers(), highlightActiveLine(), history(), keymap.of([...defaultKeymap, ...historyKeymap]),
                // Wrapped lines and no height limit: the editor never scrolls on its own (a scrolling region would need its
                // own tab stop), the page does.
                EditorView.lineWrapping,
                json(), syntaxHighlighting(defaultHighlightStyle), lintGutter(),
                linter(serverDiagnostics(textarea), { delay: 500 }),
                EditorView.contentAttributes.of({
                    'aria-label': document.querySelector(`label[for="${textarea.id}"]`)?.textContent ?? '',
                    'aria-describedby': textarea.getAttribute('aria-describedby') ?? '',
                    'data-testid': 'rule-editor',
                }),
                EditorView.updateListener.of(update => {
                    if (update.docChanged) {
                        textarea.value = update.state.doc.toString();
                        textarea.dispatchEvent(new Event('input', { bubbles: true }));
                    }
                }),
            ],
        }),
    });
    view.dom.classList.add('dw-rule-editor');
    textarea.after(view.dom);
    textarea.hidden = true;
    textarea.dwEditor = view; // browser tests replace the whole text in one transaction
}

document.querySelectorAll('textarea[data-dw-rule-editor]').forEach(enhance);
