/* fuzz-client-response.c — the client's reading of any answer, as it reads
 * each one: status and body → envelope → the list page, the single contact,
 * the create answer's id or the delete answer's envelope; and every contact
 * it reads made into a create body and an update diff again.
 *
 * The input is an answer: a first line "STATUS[ RETRY-AFTER]" and then the
 * body; an input that does not start with a status is a body answered 200.
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fuzz.h"
#include "rolo-client-envelope-private.h"
#include "rolo-client-error-private.h"
#include "rolo-client-error.h"
#include "rolo-contact-fields.h"
#include "rolo-contact-page.h"
#include "rolo-contact-validation.h"
#include "rolo-json-private.h"

typedef struct
{
  guint   status;
  char   *retry_after;
  GBytes *body;
} Answer;

static void
answer_clear (Answer *answer)
{
  g_clear_pointer (&answer->retry_after, g_free);
  g_clear_pointer (&answer->body, g_bytes_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Answer, answer_clear)

static void
read_answer (const char *data,
             gsize       size,
             Answer     *answer)
{
  const char *newline = memchr (data, '\n', size);
  g_autofree char *line = NULL;
  guint64 status;
  char *rest;

  answer->status = 200;
  answer->body = g_bytes_new (data, size);
  if (newline == NULL)
    return;

  line = g_strndup (data, newline - data);
  rest = strchr (line, ' ');
  if (rest != NULL)
    *rest++ = '\0';
  if (!g_ascii_string_to_unsigned (line, 10, 100, 999, &status, NULL))
    return;

  answer->status = (guint) status;
  answer->retry_after = g_strdup (rest);
  g_bytes_unref (answer->body);
  answer->body = g_bytes_new (newline + 1, size - (newline + 1 - data));
}

/* What the UI does with a failure: its words, and the fields it names, all
 * of it text that GTK can show. */
static void
check_error (const GError *error)
{
  GHashTable *field_errors = rolo_client_error_get_field_errors (error);
  g_autofree char *joined = NULL;

  g_assert (error->domain == ROLO_CLIENT_ERROR);
  g_assert (g_utf8_validate (error->message, -1, NULL));
  rolo_client_error_get_retry_after (error);
  rolo_client_error_get_http_status (error);
  if (field_errors == NULL)
    return;

  joined = rolo_client_field_errors_join (field_errors);
  g_assert (g_utf8_validate (joined, -1, NULL));
}

/* The request body as rolo-client.c sends it. */
static GBytes *
to_body (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  gsize length = 0;
  char *text;

  json_node_set_object (node, object);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, &length);
  return g_bytes_new_take (text, length);
}

/* The create body, read back as the server's record of it (with the id the
 * server gives), holds the same contact: nothing to diff. */
static void
check_create_body (RoloContact *contact)
{
  g_autoptr(JsonObject) create = rolo_contact_to_create_json (contact);
  g_autoptr(GBytes) body = to_body (create);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(RoloContact) reread = NULL;
  g_autoptr(JsonObject) diff = NULL;
  JsonObject *record;

  g_assert (json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                                        g_bytes_get_size (body), NULL));
  record = json_object_ref (json_node_get_object (json_parser_get_root (parser)));
  json_object_set_int_member (record, ROLO_CONTACT_FIELD_ID, rolo_contact_get_id (contact));
  reread = rolo_contact_new_from_json (record, NULL);
  json_object_unref (record);

  g_assert (reread != NULL);
  diff = rolo_contact_diff_to_update_json (contact, reread);
  g_assert (json_object_get_size (diff) == 0);
}

/* As a save does: the user's rules, then the diff against the original. */
static void
check_contact (RoloContact *contact,
               RoloContact *original)
{
  g_autoptr(GHashTable) field_errors = rolo_contact_validate (contact);
  g_autoptr(RoloContact) copy = rolo_contact_copy (contact);
  g_autoptr(JsonObject) none = rolo_contact_diff_to_update_json (contact, copy);

  const char *texts[] = {
    rolo_contact_get_name (contact), rolo_contact_get_email (contact),
    rolo_contact_get_mobile (contact), rolo_contact_get_address (contact),
    rolo_contact_get_tax_number (contact), rolo_contact_get_notes (contact),
  };

  g_assert (rolo_contact_get_id (contact) > 0);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_assert (g_utf8_validate (texts[i], -1, NULL));
  g_assert (field_errors == NULL || g_hash_table_size (field_errors) > 0);
  g_assert (json_object_get_size (none) == 0);
  check_create_body (contact);
  if (original != NULL)
    {
      g_autoptr(JsonObject) diff = rolo_contact_diff_to_update_json (original, contact);

      g_bytes_unref (to_body (diff));
    }
}

static void
read_page (JsonObject *data)
{
  g_autoptr(RoloContactPage) page = rolo_contact_page_new_from_json (data, NULL);
  GListModel *contacts;
  guint n_items;

  if (page == NULL)
    return;

  contacts = rolo_contact_page_get_contacts (page);
  n_items = g_list_model_get_n_items (contacts);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(RoloContact) contact = g_list_model_get_item (contacts, i);
      g_autoptr(RoloContact) previous = i > 0 ? g_list_model_get_item (contacts, i - 1) : NULL;

      check_contact (contact, previous);
    }
}

static void
read_data (JsonObject *data)
{
  g_autoptr(RoloContact) contact = NULL;
  gint64 id;

  /* The create answer. */
  rolo_json_get_int64 (data, ROLO_CONTACT_FIELD_ID, &id);
  /* The list answer. */
  read_page (data);
  /* The single contact of a get, and of the re-read after an update. */
  contact = rolo_contact_new_from_json (data, NULL);
  if (contact != NULL)
    check_contact (contact, NULL);
}

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  g_auto(Answer) answer = { 0 };
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *envelope_data;

  fuzz_init ();
  read_answer ((const char *) data, size, &answer);

  /* A delete needs no more than this. */
  root = rolo_client_envelope_parse (answer.status, answer.retry_after, answer.body, &error);
  if (root == NULL)
    {
      check_error (error);
      return 0;
    }

  envelope_data = rolo_client_envelope_get_data (root, &error);
  if (envelope_data == NULL)
    {
      check_error (error);
      return 0;
    }

  read_data (envelope_data);
  return 0;
}
