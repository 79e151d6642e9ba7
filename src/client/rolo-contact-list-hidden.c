/* rolo-contact-list-hidden.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-client"

#include "config.h"

#include "rolo-contact-list-private.h"

/* The rows of RoloContactList hidden while their delete waits for Undo: the
 * public side of the RoloHiddenRows the list keeps (rolo-hidden-rows.c). */

/* The source position of a loaded contact, or NO_POSITION. */
guint
_rolo_contact_list_find_loaded_position (gint64   id,
                                         gpointer user_data)
{
  RoloContactList *self = user_data;
  GHashTableIter iter;
  Page *page;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &page))
    {
      if (page->state != PAGE_READY)
        continue;
      for (guint i = 0; i < page->rows->len; i++)
        {
          RoloContact *row = g_ptr_array_index (page->rows, i);

          if (rolo_contact_get_state (row) == ROLO_CONTACT_STATE_READY &&
              rolo_contact_get_id (row) == id)
            return page->index * ROLO_CONTACT_LIST_PAGE_SIZE + i;
        }
    }
  return NO_POSITION;
}

/**
 * rolo_contact_list_hide:
 * @ids: (array length=n_ids): contact ids
 *
 * Removes the rows of these contacts from the model at once (items-changed
 * for each run of neighbouring rows), and keeps them out however the pages
 * reload, until rolo_contact_list_unhide() or, once the server deleted them,
 * rolo_contact_list_forget_hidden(). An id whose row is not loaded is
 * hidden as soon as it shows up. Hiding a hidden id changes nothing.
 */
void
rolo_contact_list_hide (RoloContactList *self,
                        const gint64    *ids,
                        guint            n_ids)
{
  guint old_n;

  g_return_if_fail (ROLO_IS_CONTACT_LIST (self));
  g_return_if_fail (ids != NULL || n_ids == 0);

  old_n = _rolo_contact_list_view_n_items (self);
  rolo_hidden_rows_hide (self->hidden, ids, n_ids, _rolo_contact_list_find_loaded_position, self,
                         G_LIST_MODEL (self));
  if (_rolo_contact_list_view_n_items (self) != old_n)
    _rolo_contact_list_notify (self, PROP_N_ITEMS);
}

/**
 * rolo_contact_list_unhide:
 * @ids: (array length=n_ids): contact ids
 *
 * Puts the rows of hidden contacts back where the server has them
 * (items-changed for each run of neighbouring rows). Ids not hidden are
 * ignored.
 */
void
rolo_contact_list_unhide (RoloContactList *self,
                          const gint64    *ids,
                          guint            n_ids)
{
  guint old_n;

  g_return_if_fail (ROLO_IS_CONTACT_LIST (self));
  g_return_if_fail (ids != NULL || n_ids == 0);

  old_n = _rolo_contact_list_view_n_items (self);
  rolo_hidden_rows_unhide (self->hidden, ids, n_ids, G_LIST_MODEL (self));
  if (_rolo_contact_list_view_n_items (self) != old_n)
    _rolo_contact_list_notify (self, PROP_N_ITEMS);
}

/**
 * rolo_contact_list_forget_hidden:
 * @ids: (array length=n_ids): contact ids
 *
 * Tells the list the server deleted these hidden contacts: their rows stay
 * hidden until a page that no longer holds them arrives (as after
 * rolo_contact_list_refresh()), and are then forgotten, so the list
 * converges to the server's result set.
 */
void
rolo_contact_list_forget_hidden (RoloContactList *self,
                                 const gint64    *ids,
                                 guint            n_ids)
{
  g_return_if_fail (ROLO_IS_CONTACT_LIST (self));
  g_return_if_fail (ids != NULL || n_ids == 0);

  rolo_hidden_rows_forget (self->hidden, ids, n_ids);
}

/* Whether a contact is hidden (and not yet forgotten). */
gboolean
rolo_contact_list_is_hidden (RoloContactList *self,
                             gint64           id)
{
  g_return_val_if_fail (ROLO_IS_CONTACT_LIST (self), FALSE);

  return rolo_hidden_rows_contains (self->hidden, id);
}
