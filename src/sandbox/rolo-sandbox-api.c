/* rolo-sandbox-api.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-sandbox"

#include "config.h"

#include <libsoup/soup.h>

#include "rolo-sandbox-api-private.h"
#include "rolo-sandbox-json-private.h"

/* The routes of API.md, "Decided here" included, on top of the store. One
 * call, one answer: status and envelope; nothing here knows about HTTP
 * connections, keys, latency or faults.
 *
 * Where even "Decided here" is silent, the sandbox does this:
 * - an id that is not a positive decimal number names no contact: 400
 *   "Contact not found", like an unknown one;
 * - a body that is empty, not strict JSON (RFC 8259, at most 32 levels deep)
 *   or not an object is a 400; JSON of the wrong type in a field is a 422;
 * - other paths are a 404 and other methods a 405 (with Allow), both with
 *   the envelope;
 * - an empty query parameter counts as absent; pageSize 0 is a 422, and so
 *   is a pageIndex above 2147483647;
 * - sortBy without sortOrder is ascending; cstname and cstemail sort
 *   ignoring ASCII case; ties go by cstid in the same direction;
 * - search is trimmed, then matched case-folded and NFKC-normalised;
 * - cstname and cstemail are trimmed, other strings kept as sent; null
 *   clears a string or an id (0 also means "no parent"), keeps a switch as
 *   it was, and empties the tags; tags are kept sorted, without duplicates;
 * - PUT reads tags from tag_ids only, as documented (cst_tag_id is ignored);
 * - a Business with linked Individuals cannot become an Individual (422 on
 *   contact_type), as they would be left under something not a Business.
 */

#define COLLECTION_PATH "/v1/contacts"
#define DEFAULT_PAGE_SIZE 10
#define MAX_PAGE_SIZE 100
#define MAX_JSON_DEPTH 32

#define NOT_FOUND_MESSAGE "Contact not found"

typedef struct
{
  RoloSandboxStore *store;
  guint             status;
  const char       *allow;
} Request;

JsonNode *
rolo_sandbox_envelope_new (gboolean    success,
                           const char *message,
                           JsonNode   *data,
                           JsonObject *errors)
{
  g_autoptr(JsonObject) object = json_object_new ();

  json_object_set_boolean_member (object, "success", success);
  if (message != NULL)
    json_object_set_string_member (object, "message", message);
  if (data != NULL)
    json_object_set_member (object, "data", data);
  if (errors != NULL)
    json_object_set_object_member (object, "errors", json_object_ref (errors));

  return json_node_init_object (json_node_alloc (), object);
}

static JsonNode *
fail (Request    *request,
      guint       status,
      const char *message)
{
  request->status = status;
  return rolo_sandbox_envelope_new (FALSE, message, NULL, NULL);
}

static JsonNode *
fail_store (Request *request,
            GError  *error)
{
  g_message ("Sandbox store failed: %s", error->message);
  return fail (request, SOUP_STATUS_INTERNAL_SERVER_ERROR, "Internal server error.");
}

/* A 422 whose message is the first field message, as Laravel words it. */
static JsonNode *
fail_validation (Request    *request,
                 JsonObject *errors)
{
  g_autoptr(GList) fields = json_object_get_members (errors);
  JsonArray *messages = json_object_get_array_member (errors, fields->data);
  const char *first = json_array_get_string_element (messages, 0);

  request->status = SOUP_STATUS_UNPROCESSABLE_ENTITY;
  return rolo_sandbox_envelope_new (FALSE, first, NULL, errors);
}

static JsonNode *
succeed (Request    *request,
         const char *message,
         JsonNode   *data)
{
  request->status = SOUP_STATUS_OK;
  return rolo_sandbox_envelope_new (TRUE, message, data, NULL);
}

/* --- list --------------------------------------------------------------- */

static const char *
lookup_param (GHashTable *query,
              const char *name)
{
  const char *value = query != NULL ? g_hash_table_lookup (query, name) : NULL;

  /* An empty value means the same as an absent one. */
  return value != NULL && value[0] != '\0' ? value : NULL;
}

/* Decimal digits only (no sign, no space); a value too large for 64 bits
 * saturates, so "many digits" still compares as large. */
static gboolean
parse_digits (const char *text,
              guint64    *value)
{
  if (text[0] == '\0')
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
    }

  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT64, value, NULL))
    *value = G_MAXUINT64;
  return TRUE;
}

/* Reads the decimal parameter name into *value, which stays as it is when
 * the parameter is absent. FALSE, with message on name, when it is not a
 * number of at least min. */
static gboolean
parse_count (GHashTable *query,
             const char *name,
             guint64     min,
             guint64    *value,
             JsonObject *errors,
             const char *message)
{
  const char *text = lookup_param (query, name);

  if (text == NULL)
    return TRUE;
  if (parse_digits (text, value) && *value >= min)
    return TRUE;

  rolo_sandbox_add_error (errors, name, message);
  return FALSE;
}

static void
parse_page_size (GHashTable *query,
                 gint64     *page_size,
                 JsonObject *errors)
{
  guint64 value = DEFAULT_PAGE_SIZE;

  *page_size = DEFAULT_PAGE_SIZE;
  if (parse_count (query, "pageSize", 1, &value, errors,
                   "The pageSize must be a positive integer."))
    *page_size = MIN (value, MAX_PAGE_SIZE);
}

static void
parse_page_index (GHashTable *query,
                  gint64     *page_index,
                  JsonObject *errors)
{
  guint64 value = 0;

  *page_index = 0;
  if (!parse_count (query, "pageIndex", 0, &value, errors,
                    "The pageIndex must be a non-negative integer."))
    return;

  if (value > G_MAXINT32)
    rolo_sandbox_add_error (errors, "pageIndex",
                            "The pageIndex may not be greater than 2147483647.");
  else
    *page_index = value;
}

static void
parse_filter (GHashTable       *query,
              RoloSandboxQuery *out,
              char            **folded_search,
              JsonObject       *errors)
{
  const char *type = lookup_param (query, "type");
  const char *search = lookup_param (query, "search");

  if (g_strcmp0 (type, "1") == 0 || g_strcmp0 (type, "2") == 0)
    out->contact_type = type[0] - '0';
  else if (type != NULL)
    rolo_sandbox_add_error (errors, "type", "The selected type is invalid.");

  if (search != NULL && !g_utf8_validate (search, -1, NULL))
    {
      rolo_sandbox_add_error (errors, "search", "The search must be valid UTF-8 text.");
      return;
    }
  if (search != NULL)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (search));

      *folded_search = rolo_sandbox_fold (trimmed);
      out->search = *folded_search;
    }
}

static void
parse_order (GHashTable       *query,
             RoloSandboxQuery *out,
             JsonObject       *errors)
{
  const char *sort_by = lookup_param (query, "sortBy");
  const char *sort_order = lookup_param (query, "sortOrder");

  /* Newest first unless asked otherwise. */
  out->sort = ROLO_SANDBOX_SORT_CSTID;
  out->descending = TRUE;

  if (sort_by != NULL && !rolo_sandbox_sort_from_string (sort_by, &out->sort))
    rolo_sandbox_add_error (errors, "sortBy", "The selected sortBy is invalid.");
  else if (sort_by != NULL)
    out->descending = FALSE;

  if (g_strcmp0 (sort_order, "asc") == 0)
    out->descending = FALSE;
  else if (g_strcmp0 (sort_order, "desc") == 0)
    out->descending = TRUE;
  else if (sort_order != NULL)
    rolo_sandbox_add_error (errors, "sortOrder", "The selected sortOrder is invalid.");
}

static JsonNode *
build_page (GPtrArray *contacts,
            gint64     page_index,
            gint64     page_size,
            gint64     total)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "data");
  json_builder_begin_array (builder);
  for (guint i = 0; i < contacts->len; i++)
    json_builder_add_value (builder, rolo_sandbox_contact_to_json (contacts->pdata[i], FALSE));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "current_page");
  json_builder_add_int_value (builder, page_index + 1);
  json_builder_set_member_name (builder, "total_records");
  json_builder_add_int_value (builder, total);
  json_builder_set_member_name (builder, "total_pages");
  json_builder_add_int_value (builder, (total + page_size - 1) / page_size);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static JsonNode *
list_contacts (Request    *request,
               GHashTable *query)
{
  g_autoptr(JsonObject) errors = json_object_new ();
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folded_search = NULL;
  RoloSandboxQuery list_query = { 0 };
  gint64 page_size, page_index, total;

  parse_page_size (query, &page_size, errors);
  parse_page_index (query, &page_index, errors);
  parse_filter (query, &list_query, &folded_search, errors);
  parse_order (query, &list_query, errors);
  if (json_object_get_size (errors) > 0)
    return fail_validation (request, errors);

  list_query.limit = page_size;
  list_query.offset = page_index * page_size;
  contacts = rolo_sandbox_store_list (request->store, &list_query, &total, &error);
  if (contacts == NULL)
    return fail_store (request, error);

  return succeed (request, NULL, build_page (contacts, page_index, page_size, total));
}

/* --- bodies ------------------------------------------------------------- */

/* Returns the body's object, or NULL after setting *reply to the 4xx. */
static JsonObject *
parse_body (Request   *request,
            GBytes    *body,
            JsonNode **reply)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *data;
  gsize length = 0;
  JsonNode *root;

  data = body != NULL ? g_bytes_get_data (body, &length) : NULL;
  if (length > ROLO_SANDBOX_MAX_BODY_SIZE)
    {
      *reply = fail (request, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE,
                     "The request body is larger than 1 MiB.");
      return NULL;
    }

  if (length == 0 || !g_utf8_validate (data, length, NULL) ||
      !rolo_sandbox_json_is_strict (data, length, MAX_JSON_DEPTH) ||
      !json_parser_load_from_data (parser, data, length, NULL))
    {
      *reply = fail (request, SOUP_STATUS_BAD_REQUEST, "The request body is not valid JSON.");
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      *reply = fail (request, SOUP_STATUS_BAD_REQUEST, "The request body must be a JSON object.");
      return NULL;
    }

  return json_object_ref (json_node_get_object (root));
}

/* --- rules that need the store ------------------------------------------- */

static gboolean
check_parent (Request                  *request,
              const RoloSandboxContact *contact,
              const char               *field,
              JsonObject               *errors,
              GError                  **error)
{
  g_autoptr(RoloSandboxContact) parent = NULL;

  if (contact->contact_parent == 0 || json_object_has_member (errors, "contact_type") ||
      json_object_has_member (errors, "contact_parent"))
    return TRUE;

  if (contact->contact_type != ROLO_SANDBOX_INDIVIDUAL)
    {
      rolo_sandbox_add_error (errors, field,
                              "A Business cannot have a contact_parent; only an Individual can.");
      return TRUE;
    }

  if (contact->contact_parent > 0 && contact->contact_parent != contact->cstid)
    {
      parent = rolo_sandbox_store_lookup (request->store, contact->contact_parent, error);
      if (parent == NULL && error != NULL && *error != NULL)
        return FALSE;
    }

  if (parent == NULL || parent->contact_type != ROLO_SANDBOX_BUSINESS)
    rolo_sandbox_add_error (errors, "contact_parent",
                            "The contact_parent must be an existing Business.");
  return TRUE;
}

/* A Business with linked Individuals cannot become an Individual: they would
 * be left pointing at something that is not a Business. */
static gboolean
check_children (Request                  *request,
                gint64                    type_before,
                const RoloSandboxContact *after,
                JsonObject               *errors,
                GError                  **error)
{
  gint64 children;

  if (type_before != ROLO_SANDBOX_BUSINESS || after->contact_type == ROLO_SANDBOX_BUSINESS ||
      json_object_has_member (errors, "contact_type"))
    return TRUE;

  children = rolo_sandbox_store_count_children (request->store, after->cstid, error);
  if (children < 0)
    return FALSE;
  if (children > 0)
    rolo_sandbox_add_error (errors, "contact_type",
                            "This Business has linked Individuals; "
                            "it cannot become an Individual.");
  return TRUE;
}

/* --- one contact --------------------------------------------------------- */

/* Positive decimal ids only; anything else names no contact (0). */
static gint64
parse_id (const char *text)
{
  guint64 value = 0;

  if (!parse_digits (text, &value) || value > G_MAXINT64)
    return 0;
  return value;
}

static JsonNode *
create_contact (Request *request,
                GBytes  *body)
{
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(JsonObject) errors = json_object_new ();
  g_autoptr(RoloSandboxContact) contact = rolo_sandbox_contact_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  JsonNode *reply = NULL;

  object = parse_body (request, body, &reply);
  if (object == NULL)
    return reply;

  contact->cstcreated_on = g_get_real_time () / G_USEC_PER_SEC;
  rolo_sandbox_contact_apply_json (contact, object, ROLO_SANDBOX_APPLY_CREATE, errors);
  if (!check_parent (request, contact, "contact_parent", errors, &error))
    return fail_store (request, error);
  if (json_object_get_size (errors) > 0)
    return fail_validation (request, errors);

  if (!rolo_sandbox_store_insert (request->store, contact, &error))
    return fail_store (request, error);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "cstid");
  json_builder_add_int_value (builder, contact->cstid);
  json_builder_set_member_name (builder, "cstname");
  json_builder_add_string_value (builder, contact->cstname);
  json_builder_end_object (builder);

  return succeed (request, "New contact has been created successfully.",
                  json_builder_get_root (builder));
}

static JsonNode *
get_contact (Request *request,
             gint64   cstid)
{
  g_autoptr(RoloSandboxContact) contact = NULL;
  g_autoptr(GError) error = NULL;

  contact = rolo_sandbox_store_lookup (request->store, cstid, &error);
  if (error != NULL)
    return fail_store (request, error);
  if (contact == NULL)
    return fail (request, SOUP_STATUS_BAD_REQUEST, NOT_FOUND_MESSAGE);

  return succeed (request, NULL, rolo_sandbox_contact_to_json (contact, TRUE));
}

/* Which field to blame when the result is a Business with a parent: the
 * parent if this request set one, else the type change. */
static const char *
parent_rule_field (JsonObject *object)
{
  JsonNode *parent = json_object_get_member (object, "contact_parent");

  return parent != NULL && !JSON_NODE_HOLDS_NULL (parent) ? "contact_parent" : "contact_type";
}

static JsonNode *
update_contact (Request *request,
                gint64   cstid,
                GBytes  *body)
{
  g_autoptr(RoloSandboxContact) contact = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(JsonObject) errors = json_object_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *reply = NULL;
  gint64 type_before;

  contact = rolo_sandbox_store_lookup (request->store, cstid, &error);
  if (error != NULL)
    return fail_store (request, error);
  if (contact == NULL)
    return fail (request, SOUP_STATUS_BAD_REQUEST, NOT_FOUND_MESSAGE);

  object = parse_body (request, body, &reply);
  if (object == NULL)
    return reply;

  type_before = contact->contact_type;
  rolo_sandbox_contact_apply_json (contact, object, ROLO_SANDBOX_APPLY_UPDATE, errors);
  if (!check_parent (request, contact, parent_rule_field (object), errors, &error) ||
      !check_children (request, type_before, contact, errors, &error))
    return fail_store (request, error);
  if (json_object_get_size (errors) > 0)
    return fail_validation (request, errors);

  if (!rolo_sandbox_store_update (request->store, contact, &error))
    return fail_store (request, error);

  return succeed (request, "Contact updated successfully!", NULL);
}

static JsonNode *
delete_contact (Request *request,
                gint64   cstid)
{
  g_autoptr(GError) error = NULL;
  gboolean found = FALSE;

  if (!rolo_sandbox_store_delete (request->store, cstid, &found, &error))
    return fail_store (request, error);
  if (!found)
    return fail (request, SOUP_STATUS_BAD_REQUEST, NOT_FOUND_MESSAGE);

  return succeed (request, "Contact deleted successfully!", NULL);
}

/* --- routing -------------------------------------------------------------- */

static JsonNode *
not_allowed (Request    *request,
             const char *allow)
{
  request->allow = allow;
  return fail (request, SOUP_STATUS_METHOD_NOT_ALLOWED, "Method not allowed.");
}

static JsonNode *
route_collection (Request    *request,
                  const char *method,
                  GHashTable *query,
                  GBytes     *body)
{
  if (g_str_equal (method, "GET"))
    return list_contacts (request, query);
  if (g_str_equal (method, "POST"))
    return create_contact (request, body);
  return not_allowed (request, "GET, POST");
}

static JsonNode *
route_contact (Request    *request,
               const char *method,
               const char *id_text,
               GBytes     *body)
{
  gboolean is_get = g_str_equal (method, "GET");
  gboolean is_put = g_str_equal (method, "PUT");
  gboolean is_delete = g_str_equal (method, "DELETE");
  gint64 cstid = parse_id (id_text);

  if (!is_get && !is_put && !is_delete)
    return not_allowed (request, "GET, PUT, DELETE");
  if (cstid <= 0)
    return fail (request, SOUP_STATUS_BAD_REQUEST, NOT_FOUND_MESSAGE);

  if (is_get)
    return get_contact (request, cstid);
  if (is_put)
    return update_contact (request, cstid, body);
  return delete_contact (request, cstid);
}

JsonNode *
rolo_sandbox_api_handle (RoloSandboxStore  *store,
                         const char        *method,
                         const char        *path,
                         GHashTable        *query,
                         GBytes            *body,
                         guint             *status,
                         const char       **allow)
{
  Request request = { store, SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL };
  const char *rest;
  JsonNode *reply;

  g_return_val_if_fail (ROLO_IS_SANDBOX_STORE (store), NULL);
  g_return_val_if_fail (method != NULL && path != NULL && status != NULL, NULL);

  rest = g_str_has_prefix (path, COLLECTION_PATH) ? path + strlen (COLLECTION_PATH) : NULL;

  if (rest != NULL && (rest[0] == '\0' || g_str_equal (rest, "/")))
    reply = route_collection (&request, method, query, body);
  else if (rest != NULL && rest[0] == '/' && strchr (rest + 1, '/') == NULL)
    reply = route_contact (&request, method, rest + 1, body);
  else
    reply = fail (&request, SOUP_STATUS_NOT_FOUND, "The requested resource was not found.");

  *status = request.status;
  if (allow != NULL)
    *allow = request.allow;
  return reply;
}
