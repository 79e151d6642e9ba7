/* rolo-bulk-edit.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-client"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rolo-bulk-edit.h"
#include "rolo-contact-fields.h"
#include "rolo-operation-queue.h"

/* One contact of the edit. */
typedef struct
{
  RoloContact       *contact;    /* as given: id, name, type */
  RoloBulkEditState  state;
  RoloBulkEditState  reached;    /* what the operation in flight achieved */
  RoloContact       *before;     /* the full record as first read */
  RoloContact       *after;      /* as the server has it once changed */
  GError            *error;
  gboolean           undo_failed; /* the error is undo's */
} Item;

struct _RoloBulkEdit
{
  GObject             parent_instance;

  RoloClient         *client;
  RoloContactChange  *change;
  GPtrArray          *contacts;  /* RoloContact, as given */
  GHashTable         *items;     /* RoloContact (as given) → Item */

  RoloOperationQueue *queue;     /* of the current or last run */
  gboolean            running;
  gboolean            undoing;
};

G_DEFINE_FINAL_TYPE (RoloBulkEdit, rolo_bulk_edit, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_N_TO_DO,
  PROP_N_DONE,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
item_free (Item *item)
{
  g_clear_object (&item->before);
  g_clear_object (&item->after);
  g_clear_error (&item->error);
  g_free (item);
}

static void
rolo_bulk_edit_dispose (GObject *object)
{
  RoloBulkEdit *self = ROLO_BULK_EDIT (object);

  g_clear_object (&self->queue);
  g_clear_pointer (&self->items, g_hash_table_unref);
  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  g_clear_object (&self->change);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (rolo_bulk_edit_parent_class)->dispose (object);
}

static void
rolo_bulk_edit_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RoloBulkEdit *self = ROLO_BULK_EDIT (object);

  switch (prop_id)
    {
    case PROP_N_TO_DO:
      g_value_set_uint (value, rolo_bulk_edit_get_n_to_do (self));
      break;

    case PROP_N_DONE:
      g_value_set_uint (value, rolo_bulk_edit_get_n_done (self));
      break;

    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rolo_bulk_edit_class_init (RoloBulkEditClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rolo_bulk_edit_dispose;
  object_class->get_property = rolo_bulk_edit_get_property;

  properties[PROP_N_TO_DO] =
    g_param_spec_uint ("n-to-do", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_DONE] =
    g_param_spec_uint ("n-done", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rolo_bulk_edit_init (RoloBulkEdit *self)
{
  self->items = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) item_free);
}

/**
 * rolo_bulk_edit_new:
 * @contacts: (element-type RoloContact): the contacts to change, with ids
 *
 * Returns: (transfer full): an edit not yet applied
 */
RoloBulkEdit *
rolo_bulk_edit_new (RoloClient        *client,
                    RoloContactChange *change,
                    GPtrArray         *contacts)
{
  RoloBulkEdit *self;

  g_return_val_if_fail (ROLO_IS_CLIENT (client), NULL);
  g_return_val_if_fail (ROLO_IS_CONTACT_CHANGE (change), NULL);
  g_return_val_if_fail (contacts != NULL, NULL);

  self = g_object_new (ROLO_TYPE_BULK_EDIT, NULL);
  self->client = g_object_ref (client);
  self->change = g_object_ref (change);
  self->contacts = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < contacts->len; i++)
    {
      RoloContact *contact = g_ptr_array_index (contacts, i);
      Item *item;

      g_return_val_if_fail (rolo_contact_get_id (contact) > 0, self);
      if (g_hash_table_contains (self->items, contact))
        continue;
      item = g_new0 (Item, 1);
      item->contact = contact;
      g_ptr_array_add (self->contacts, g_object_ref (contact));
      g_hash_table_insert (self->items, contact, item);
    }

  return self;
}

RoloContactChange *
rolo_bulk_edit_get_change (RoloBulkEdit *self)
{
  g_return_val_if_fail (ROLO_IS_BULK_EDIT (self), NULL);

  return self->change;
}

guint
rolo_bulk_edit_get_n_contacts (RoloBulkEdit *self)
{
  g_return_val_if_fail (ROLO_IS_BULK_EDIT (self), 0);

  return self->contacts->len;
}

guint
rolo_bulk_edit_get_n_to_do (RoloBulkEdit *self)
{
  g_return_val_if_fail (ROLO_IS_BULK_EDIT (self), 0);

  return self->queue != NULL ? rolo_operation_queue_get_n_items (self->queue) : 0;
}

guint
rolo_bulk_edit_get_n_done (RoloBulkEdit *self)
{
  g_return_val_if_fail (ROLO_IS_BULK_EDIT (self), 0);

  return self->queue != NULL ? rolo_operation_queue_get_n_done (self->queue) : 0;
}

gboolean
rolo_bulk_edit_get_running (RoloBulkEdit *self)
{
  g_return_val_if_fail (ROLO_IS_BULK_EDIT (self), FALSE);

  return self->running;
}

gboolean
rolo_bulk_edit_get_undoing (RoloBulkEdit *self)
{
  g_return_val_if_fail (ROLO_IS_BULK_EDIT (self), FALSE);

  return self->undoing;
}

/**
 * rolo_bulk_edit_list:
 *
 * Returns: (transfer container) (element-type RoloContact): the contacts in
 *   @state, in the order given
 */
GPtrArray *
rolo_bulk_edit_list (RoloBulkEdit      *self,
                     RoloBulkEditState  state)
{
  GPtrArray *found;

  g_return_val_if_fail (ROLO_IS_BULK_EDIT (self), NULL);

  found = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->contacts->len; i++)
    {
      RoloContact *contact = g_ptr_array_index (self->contacts, i);
      Item *item = g_hash_table_lookup (self->items, contact);

      if (item->state == state)
        g_ptr_array_add (found, g_object_ref (contact));
    }

  return found;
}

guint
rolo_bulk_edit_count (RoloBulkEdit      *self,
                      RoloBulkEditState  state)
{
  g_autoptr(GPtrArray) found = rolo_bulk_edit_list (self, state);

  return found->len;
}

const GError *
rolo_bulk_edit_get_error (RoloBulkEdit *self,
                          RoloContact  *contact)
{
  Item *item;

  g_return_val_if_fail (ROLO_IS_BULK_EDIT (self), NULL);

  item = g_hash_table_lookup (self->items, contact);
  return item != NULL && item->state == ROLO_BULK_EDIT_FAILED ? item->error : NULL;
}

/* One contact's operation: read it, then (maybe) write it. */

/* The fields' labels, as the editor shows them, in a list. */
static char *
join_field_labels (char **fields)
{
  GString *labels = g_string_new (NULL);

  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_autofree char *label = rolo_field_dup_label (fields[i]);

      if (i > 0)
        g_string_append (labels, C_("list separator", ", "));
      g_string_append (labels, label);
    }
  return g_string_free (labels, FALSE);
}

static void
operation_put_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RoloBulkEdit *self = g_task_get_source_object (task);
  Item *item = g_task_get_task_data (task);
  g_auto(GStrv) unapplied = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloContact) now = NULL;
  g_autofree char *fields = NULL;

  now = rolo_client_update_contact_finish (self->client, result, &unapplied, &error);
  if (now == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!self->undoing)
    g_set_object (&item->after, now);
  if (unapplied == NULL || unapplied[0] == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* The PUT went through, yet the server kept some fields as they were:
   * named as the editor names them. */
  fields = join_field_labels (unapplied);
  g_task_return_new_error (task, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_INVALID_INPUT,
                           _("The server did not take the change of %s."), fields);
}

static void
operation_get_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RoloBulkEdit *self = g_task_get_source_object (task);
  Item *item = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloContact) current = NULL;
  g_autoptr(RoloContact) wanted = NULL;
  g_autoptr(JsonObject) diff = NULL;

  current = rolo_client_get_contact_finish (self->client, result, &error);
  if (current == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (self->undoing)
    {
      wanted = rolo_contact_change_revert (self->change, item->before, current);
      item->reached = ROLO_BULK_EDIT_UNDONE;
    }
  else
    {
      /* Kept from the first read, for undo: a retry must not take a change
       * its earlier attempt made for the old values. */
      if (item->before == NULL)
        item->before = g_object_ref (current);
      /* Made to the record as it is now: only the touched fields differ,
       * so edits made elsewhere meanwhile are not sent back. */
      wanted = rolo_contact_change_apply (self->change, current);
      item->reached = ROLO_BULK_EDIT_CHANGED;
    }

  /* Nothing is sent when nothing differs. */
  diff = rolo_contact_diff_to_update_json (current, wanted);
  if (json_object_get_size (diff) == 0)
    {
      if (!self->undoing)
        {
          /* Changed by an earlier attempt whose answer was lost, or had the
           * values already. */
          g_autoptr(RoloContact) old = rolo_contact_change_revert (self->change, item->before,
                                                                   current);
          g_autoptr(JsonObject) made = rolo_contact_diff_to_update_json (current, old);

          if (json_object_get_size (made) > 0)
            g_set_object (&item->after, current);
          else
            item->reached = ROLO_BULK_EDIT_UNCHANGED;
        }
      g_task_return_boolean (task, TRUE);
      return;
    }

  rolo_client_update_contact_async (self->client, current, wanted, NULL, operation_put_cb,
                                    g_steal_pointer (&task));
}

static void
operation_start (GObject             *object,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             callback_data,
                 gpointer             user_data)
{
  RoloBulkEdit *self = user_data;
  Item *item = g_hash_table_lookup (self->items, object);
  GTask *task = g_task_new (self, cancellable, callback, callback_data);

  g_task_set_source_tag (task, operation_start);
  g_task_set_task_data (task, item, NULL);
  rolo_client_get_contact_async (self->client, rolo_contact_get_id (item->contact), cancellable,
                                 operation_get_cb, task);
}

static gboolean
operation_finish (GObject       *object,
                  GAsyncResult  *result,
                  GError       **error,
                  gpointer       user_data)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
item_done_cb (RoloBulkEdit *self,
              RoloContact  *contact,
              const GError *error)
{
  Item *item = g_hash_table_lookup (self->items, contact);

  g_clear_error (&item->error);
  if (error != NULL)
    {
      item->state = ROLO_BULK_EDIT_FAILED;
      item->error = g_error_copy (error);
      item->undo_failed = self->undoing;
    }
  else
    {
      item->state = item->reached;
      item->undo_failed = FALSE;
    }
}

static void
n_done_cb (RoloBulkEdit *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DONE]);
}

static void
run_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RoloBulkEdit *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  self->running = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  if (!rolo_operation_queue_run_finish (ROLO_OPERATION_QUEUE (source), result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* Whether the run about to start takes @item. */
static gboolean
wanted_by_run (RoloBulkEdit *self,
               Item         *item,
               gboolean      undoing)
{
  if (undoing)
    return item->after != NULL && item->state != ROLO_BULK_EDIT_UNDONE;

  return item->state == ROLO_BULK_EDIT_NOT_DONE ||
         (item->state == ROLO_BULK_EDIT_FAILED && !item->undo_failed);
}

static void
start_run (RoloBulkEdit        *self,
           gboolean             undoing,
           GCancellable        *cancellable,
           GTask               *task)
{
  g_clear_object (&self->queue);
  self->queue = rolo_operation_queue_new (ROLO_BULK_EDIT_MAX_IN_FLIGHT, operation_start,
                                          operation_finish, self);
  self->undoing = undoing;
  for (guint i = 0; i < self->contacts->len; i++)
    {
      RoloContact *contact = g_ptr_array_index (self->contacts, i);

      if (wanted_by_run (self, g_hash_table_lookup (self->items, contact), undoing))
        rolo_operation_queue_add (self->queue, G_OBJECT (contact));
    }
  g_signal_connect_object (self->queue, "item-done", G_CALLBACK (item_done_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->queue, "notify::n-done", G_CALLBACK (n_done_cb), self,
                           G_CONNECT_SWAPPED);

  self->running = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TO_DO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DONE]);
  rolo_operation_queue_run_async (self->queue, cancellable, run_cb, task);
}

void
rolo_bulk_edit_apply_async (RoloBulkEdit        *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task;
  GError *error = NULL;

  g_return_if_fail (ROLO_IS_BULK_EDIT (self));
  g_return_if_fail (!self->running);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rolo_bulk_edit_apply_async);
  if (!rolo_contact_change_validate (self->change, self->contacts, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  start_run (self, FALSE, cancellable, task);
}

gboolean
rolo_bulk_edit_apply_finish (RoloBulkEdit  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (ROLO_IS_BULK_EDIT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        rolo_bulk_edit_apply_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
rolo_bulk_edit_undo_async (RoloBulkEdit        *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (ROLO_IS_BULK_EDIT (self));
  g_return_if_fail (!self->running);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rolo_bulk_edit_undo_async);
  start_run (self, TRUE, cancellable, task);
}

gboolean
rolo_bulk_edit_undo_finish (RoloBulkEdit  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (ROLO_IS_BULK_EDIT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        rolo_bulk_edit_undo_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
