import { useCallback, useEffect, useMemo, useState } from 'react';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Dialog, Input, Label, Modal, ModalOverlay, TextField } from 'react-aria-components';
import type { HistoryEntry } from '@shared/contracts/history';
import { api } from '../../lib/api';
import { errorMessage } from '../../lib/routeError';
import { profilesQuery } from '../profiles/queries';
import { reopenRun, rerunRun, type HistoryActionResult } from './historyActions';
import { HistoryList } from './HistoryList';
import type { HistoryRowActions } from './HistoryRow';
import { historyPanelActions, OPEN_HISTORY_EVENT, useHistoryPanelOpen } from './historyPanelStore';
import { HistoryTransfer } from './HistoryTransfer';
import { historyKeys, historyListQuery, useDeleteRun } from './queries';
import { useDebouncedValue } from './useDebouncedValue';
import './history.css';
import { DialogHead } from '../../ui/DialogHead';

/** Typing pauses this long before the search goes to main. */
const SEARCH_DEBOUNCE_MS = 250;

/**
 * The **History** button (sidebar head) and the history panel it opens; the panel also opens on the
 * `playground:open-history` window event (Ctrl/Cmd+H).
 */
export function HistoryPanel() {
  const open = useHistoryPanelOpen();
  useRefreshWhenRunsEnd();
  useEffect(() => {
    const onOpen = () => historyPanelActions.opened();
    window.addEventListener(OPEN_HISTORY_EVENT, onOpen);
    return () => window.removeEventListener(OPEN_HISTORY_EVENT, onOpen);
  }, []);
  return (
    <>
      <Button className="button button-small history-button" onPress={historyPanelActions.opened}>
        History
      </Button>
      <ModalOverlay
        className="modal-overlay"
        isDismissable
        isOpen={open}
        onOpenChange={(isOpen) => (isOpen ? historyPanelActions.opened() : historyPanelActions.closed())}
      >
        <Modal className="modal history-modal">
          <Dialog className="dialog history-dialog" aria-label="History">
            {({ close }) => <HistoryBrowser close={close} />}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </>
  );
}

/** A run that ends has its final save in the history: the list (open or not) is fetched afresh. */
function useRefreshWhenRunsEnd(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const refresh = () => void queryClient.invalidateQueries({ queryKey: historyKeys.all });
    const offs = [
      api.on('run.completed', refresh),
      api.on('run.failed', refresh),
      api.on('run.aborted', refresh),
    ];
    return () => offs.forEach((off) => off());
  }, [queryClient]);
}

type Notice = { tone: 'ok' | 'error'; text: string } | null;

function HistoryBrowser({ close }: { close: () => void }) {
  const [search, setSearch] = useState('');
  const query = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  const list = useInfiniteQuery(historyListQuery(query));
  const { data: profiles = [] } = useQuery(profilesQuery());
  const deleteRun = useDeleteRun();
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);

  const entries = useMemo(() => list.data?.pages.flatMap((page) => page.entries) ?? [], [list.data]);
  const firstPage = list.data?.pages[0];
  const total = firstPage?.total ?? 0;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const actions = useMemo((): HistoryRowActions => {
    const act = (run: () => Promise<HistoryActionResult>) => {
      setBusy(true);
      setNotice(null);
      run()
        .then((result) => {
          if (result.ok && !result.message) close();
          else if (result.message) setNotice({ tone: result.ok ? 'ok' : 'error', text: result.message });
        })
        .catch((error: unknown) => setNotice({ tone: 'error', text: errorMessage(error) }))
        .finally(() => setBusy(false));
    };
    return {
      reopen: (entry: HistoryEntry) => act(() => reopenRun(entry.id, profiles)),
      rerun: (entry: HistoryEntry) => act(() => rerunRun(entry.id, profiles)),
      remove: (entry: HistoryEntry) =>
        deleteRun.mutate(entry.id, {
          onSuccess: ({ deleted }) =>
            setNotice(
              deleted
                ? { tone: 'ok', text: 'Deleted the run.' }
                : { tone: 'error', text: 'That run was already gone.' },
            ),
          onError: (error) => setNotice({ tone: 'error', text: `Delete failed: ${errorMessage(error)}` }),
        }),
    };
  }, [close, profiles, deleteRun]);

  return (
    <>
      <DialogHead title="History" onClose={close} />
      <div className="history-toolbar">
        <TextField className="field history-search" value={search} onChange={setSearch} autoFocus>
          <Label className="visually-hidden">Search the history</Label>
          <Input className="input" placeholder="Search prompts and models" type="search" />
        </TextField>
        <span className="muted" data-testid="history-count" aria-live="polite">
          {list.isPending
            ? 'Loading…'
            : `${total.toLocaleString('en-US')} ${query ? 'matching ' : ''}run${total === 1 ? '' : 's'}`}
        </span>
        <HistoryTransfer />
      </div>
      {firstPage?.warning ? (
        <p className="history-warning" role="alert">
          {firstPage.warning}
        </p>
      ) : null}
      <div
        className={`form-message history-notice${notice?.tone === 'error' ? ' is-error' : ''}`}
        role="status"
      >
        {notice?.text}
      </div>
      {list.isError ? (
        <p className="field-error history-empty">Could not load the history: {errorMessage(list.error)}</p>
      ) : !list.isPending && entries.length === 0 ? (
        <p className="muted history-empty">
          {query
            ? `No saved run matches “${query}”.`
            : 'No saved runs yet: every run you start is saved here.'}
        </p>
      ) : (
        <HistoryList
          entries={entries}
          total={total}
          hasMore={hasNextPage}
          loadMore={loadMore}
          actions={actions}
          busy={busy}
        />
      )}
    </>
  );
}
