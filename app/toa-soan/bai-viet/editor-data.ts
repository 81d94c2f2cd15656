import type { StaffSession } from '@/db/newsroom-sessions';
import { listCategories } from '@/db/queries/categories';
import type { EditorDraft } from '@/lib/editor-draft';
import { canWriteInCategory } from '@/lib/newsroom-permissions';

/** The categories this person may write in (and the article's own, so that the form shows it). */
export async function categoriesFor(session: StaffSession, current?: number) {
  return (await listCategories()).filter((c) => c.id === current || canWriteInCategory(session.user, c.id));
}

/** A new article's form: the first category one may write in, one's own name as the byline. */
export function blankDraft(session: StaffSession, categoryId: number): EditorDraft {
  return { title: '', sapo: '', categoryId, byline: session.user.name, keywords: [], slug: '', leadImage: null, body: [] };
}
