/* rolo-hidden-rows.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-client"

#include "config.h"

#include "rolo-contact.h"
#include "rolo-hidden-rows.h"

/*
 * Hidden rows (a delete waiting for its Undo) are kept by id. A hidden id
 * whose row is known is "placed" at its source position (the row's position
 * in the server's result set); placed entries sit in an array sorted by that
 * position, and the model's positions are source positions minus the placed
 * entries before them, found by binary search. Each page that arrives is
 * reconciled with the hidden ids: an id found elsewhere moves there, an id no
 * longer at its place becomes unplaced (hidden wherever it shows up later), or
 * is dropped once the server confirmed its deletion (forget()).
 */

#define NO_POSITION ROLO_HIDDEN_ROWS_NO_POSITION

typedef struct
{
  gint64   id;
  guint    position;            /* source position, or NO_POSITION */
  gboolean forgotten;           /* deleted on the server: drop when not seen */
} Hidden;

struct _RoloHiddenRows
{
  GHashTable *hidden;           /* &Hidden.id -> Hidden */
  GPtrArray  *placed;           /* Hidden with a position, sorted by it */
};

/* How many placed entries sit before a source position. */
static guint
count_placed_below (RoloHiddenRows  *self,
                    guint            position)
{
  guint lo = 0, hi = self->placed->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (((Hidden *) self->placed->pdata[mid])->position < position)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static gboolean
is_placed (RoloHiddenRows  *self,
           guint            position)
{
  guint i = count_placed_below (self, position);

  return i < self->placed->len && ((Hidden *) self->placed->pdata[i])->position == position;
}

/* position - index grows with the index (positions are distinct and
 * sorted), so the placed entries before a view position are found by
 * binary search. */
guint
rolo_hidden_rows_view_to_source (RoloHiddenRows *self,
                                 guint           view)
{
  guint lo = 0, hi = self->placed->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (((Hidden *) self->placed->pdata[mid])->position - mid <= view)
        lo = mid + 1;
      else
        hi = mid;
    }
  return view + lo;
}

/* The view position of a source position (of the next visible row when
 * the source position is hidden). */
guint
rolo_hidden_rows_source_to_view (RoloHiddenRows *self,
                                 guint           source)
{
  return source - count_placed_below (self, source);
}

static void
place (RoloHiddenRows  *self,
       Hidden          *hidden,
       guint            position)
{
  g_assert (hidden->position == NO_POSITION);
  g_assert (!is_placed (self, position));

  hidden->position = position;
  g_ptr_array_insert (self->placed, count_placed_below (self, position), hidden);
}

static void
unplace (RoloHiddenRows  *self,
         Hidden          *hidden)
{
  guint i;

  if (hidden->position == NO_POSITION)
    return;

  i = count_placed_below (self, hidden->position);
  g_assert (self->placed->pdata[i] == hidden);
  g_ptr_array_remove_index (self->placed, i);
  hidden->position = NO_POSITION;
}

/* Unplaces an entry; one the server deleted is not looked for any more. */
static void
unplace_or_drop (RoloHiddenRows  *self,
                 Hidden          *hidden)
{
  unplace (self, hidden);
  if (hidden->forgotten)
    g_hash_table_remove (self->hidden, &hidden->id);
}

/* Unplaces every entry at or past a source position (the end of the result
 * set moved, or a new one starts). */
void
rolo_hidden_rows_unplace_from (RoloHiddenRows *self,
                               guint           position)
{
  while (self->placed->len > 0)
    {
      Hidden *last = g_ptr_array_index (self->placed, self->placed->len - 1);

      if (last->position < position)
        break;
      unplace_or_drop (self, last);
    }
}

/* Brings the hidden entries in line with the first n_filled rows (RoloContact)
 * of a page, the first at source position first, that just arrived. Returns
 * the lowest source position whose hidden state changed, or NO_POSITION. */
guint
rolo_hidden_rows_reconcile (RoloHiddenRows *self,
                            guint           first,
                            GPtrArray      *rows,
                            guint           n_filled)
{
  guint lowest = NO_POSITION;
  guint i = count_placed_below (self, first);

  /* Entries placed here whose row now holds another contact. */
  while (i < self->placed->len)
    {
      Hidden *hidden = g_ptr_array_index (self->placed, i);
      RoloContact *row;

      if (hidden->position >= first + n_filled)
        break;
      row = g_ptr_array_index (rows, hidden->position - first);
      if (rolo_contact_get_id (row) == hidden->id)
        {
          i++;
          continue;
        }
      lowest = MIN (lowest, hidden->position);
      unplace_or_drop (self, hidden);
    }

  /* Hidden contacts that are (now) here. */
  for (guint r = 0; r < n_filled && g_hash_table_size (self->hidden) > 0; r++)
    {
      gint64 id = rolo_contact_get_id (g_ptr_array_index (rows, r));
      Hidden *hidden = g_hash_table_lookup (self->hidden, &id);

      if (hidden == NULL || hidden->position == first + r)
        continue;
      if (hidden->position != NO_POSITION)
        lowest = MIN (lowest, hidden->position);
      unplace (self, hidden);
      place (self, hidden, first + r);
      lowest = MIN (lowest, first + r);
    }

  return lowest;
}

typedef struct
{
  guint   position;
  Hidden *hidden;
} Placement;

static int
compare_placements (gconstpointer a,
                    gconstpointer b)
{
  guint x = ((const Placement *) a)->position, y = ((const Placement *) b)->position;

  return (x > y) - (x < y);
}

/* Places the entries in source order, telling the view once per run of
 * rows that were next to each other. */
static void
place_all (RoloHiddenRows *self,
           GArray         *placements,
           GListModel     *model)
{
  guint run_start = 0, run_len = 0;

  g_array_sort (placements, compare_placements);
  for (guint i = 0; i < placements->len; i++)
    {
      Placement *placement = &g_array_index (placements, Placement, i);
      guint view = rolo_hidden_rows_source_to_view (self, placement->position);

      if (run_len > 0 && view != run_start)
        {
          g_list_model_items_changed (model, run_start, run_len, 0);
          run_len = 0;
        }
      if (run_len == 0)
        run_start = view;
      place (self, placement->hidden, placement->position);
      run_len++;
    }
  if (run_len > 0)
    g_list_model_items_changed (model, run_start, run_len, 0);
}

/* Hides the contacts of ids; find gives the source position of a loaded
 * one (or NO_POSITION). The rows of model that go are announced there. */
void
rolo_hidden_rows_hide (RoloHiddenRows         *self,
                       const gint64           *ids,
                       guint                   n_ids,
                       RoloHiddenRowsFindFunc  find,
                       gpointer                find_data,
                       GListModel             *model)
{
  g_autoptr(GArray) placements = g_array_new (FALSE, FALSE, sizeof (Placement));

  g_assert (ids != NULL || n_ids == 0);

  for (guint i = 0; i < n_ids; i++)
    {
      Hidden *hidden = g_hash_table_lookup (self->hidden, &ids[i]);
      Placement placement;

      if (hidden != NULL)
        {
          hidden->forgotten = FALSE;
          continue;
        }
      hidden = g_new0 (Hidden, 1);
      hidden->id = ids[i];
      hidden->position = NO_POSITION;
      g_hash_table_insert (self->hidden, &hidden->id, hidden);

      placement.position = find (ids[i], find_data);
      placement.hidden = hidden;
      if (placement.position != NO_POSITION && !is_placed (self, placement.position))
        g_array_append_val (placements, placement);
    }

  place_all (self, placements, model);
}

static int
compare_hidden_positions (gconstpointer a,
                          gconstpointer b)
{
  guint x = (*(Hidden * const *) a)->position, y = (*(Hidden * const *) b)->position;

  return (x > y) - (x < y);
}

/* Unplaces and drops the entries in source order, telling the view once per
 * run of rows that come back next to each other. */
static void
unhide_all (RoloHiddenRows *self,
            GPtrArray      *entries,
            GListModel     *model)
{
  guint run_start = 0, run_len = 0;

  g_ptr_array_sort (entries, compare_hidden_positions);
  for (guint i = 0; i < entries->len; i++)
    {
      Hidden *hidden = g_ptr_array_index (entries, i);
      guint view = rolo_hidden_rows_source_to_view (self, hidden->position);

      if (run_len > 0 && view != run_start + run_len)
        {
          g_list_model_items_changed (model, run_start, 0, run_len);
          run_len = 0;
        }
      if (run_len == 0)
        run_start = view;
      unplace (self, hidden);
      g_hash_table_remove (self->hidden, &hidden->id);
      run_len++;
    }
  if (run_len > 0)
    g_list_model_items_changed (model, run_start, 0, run_len);
}

/* Shows the hidden contacts of ids again, announcing their rows in model;
 * ids not hidden are ignored. */
void
rolo_hidden_rows_unhide (RoloHiddenRows *self,
                         const gint64   *ids,
                         guint           n_ids,
                         GListModel     *model)
{
  g_autoptr(GPtrArray) placed = g_ptr_array_new ();

  g_assert (ids != NULL || n_ids == 0);

  for (guint i = 0; i < n_ids; i++)
    {
      Hidden *hidden = g_hash_table_lookup (self->hidden, &ids[i]);

      if (hidden == NULL)
        continue;
      if (hidden->position != NO_POSITION)
        g_ptr_array_add (placed, hidden);
      else
        g_hash_table_remove (self->hidden, &ids[i]);
    }

  unhide_all (self, placed, model);
}

/* The server deleted these hidden contacts: they are dropped once a page
 * shows they are gone. */
void
rolo_hidden_rows_forget (RoloHiddenRows *self,
                         const gint64   *ids,
                         guint           n_ids)
{
  g_assert (ids != NULL || n_ids == 0);

  for (guint i = 0; i < n_ids; i++)
    {
      Hidden *hidden = g_hash_table_lookup (self->hidden, &ids[i]);

      if (hidden == NULL)
        continue;
      hidden->forgotten = TRUE;
      if (hidden->position == NO_POSITION)
        g_hash_table_remove (self->hidden, &ids[i]);
    }
}

RoloHiddenRows *
rolo_hidden_rows_new (void)
{
  RoloHiddenRows *self = g_new0 (RoloHiddenRows, 1);

  self->hidden = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  self->placed = g_ptr_array_new ();
  return self;
}

void
rolo_hidden_rows_free (RoloHiddenRows *self)
{
  g_clear_pointer (&self->placed, g_ptr_array_unref);
  g_clear_pointer (&self->hidden, g_hash_table_unref);
  g_free (self);
}

/* Rows hidden at a source position: the model shows this many fewer. */
guint
rolo_hidden_rows_get_n_placed (RoloHiddenRows *self)
{
  return self->placed->len;
}

/* Whether a contact is hidden (and not yet forgotten). */
gboolean
rolo_hidden_rows_contains (RoloHiddenRows *self,
                           gint64          id)
{
  Hidden *hidden = g_hash_table_lookup (self->hidden, &id);

  return hidden != NULL && !hidden->forgotten;
}
