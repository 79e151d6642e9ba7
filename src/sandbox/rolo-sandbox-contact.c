/* rolo-sandbox-contact.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-sandbox"

#include "config.h"

#include "rolo-sandbox-contact-private.h"

typedef enum
{
  KIND_STRING,
  KIND_INT,
  KIND_BOOL,
  KIND_TAGS,
} FieldKind;

/* One accepted request field: where it goes and which type it must have.
 * The length rules of API.md sit here too so they live in one place. */
typedef struct
{
  const char *name;
  FieldKind   kind;
  gsize       offset;
  guint       max_chars;   /* strings: 0 for no limit */
  gboolean    nullable;    /* ints: null clears to 0 */
  gboolean    trim;        /* strings: strip surrounding white space */
} FieldSpec;

#define OFFSET(member) G_STRUCT_OFFSET (RoloSandboxContact, member)

static const FieldSpec fields[] = {
  { "cstname", KIND_STRING, OFFSET (cstname), 100, FALSE, TRUE },
  { "cstemail", KIND_STRING, OFFSET (cstemail), 0, FALSE, TRUE },
  { "cstmobile", KIND_STRING, OFFSET (cstmobile), 0, FALSE, FALSE },
  { "cstmobile_country_id", KIND_INT, OFFSET (cstmobile_country_id), 0, TRUE, FALSE },
  { "cstaddress", KIND_STRING, OFFSET (cstaddress), 255, FALSE, FALSE },
  { "ct_taxnumber", KIND_STRING, OFFSET (ct_taxnumber), 50, FALSE, FALSE },
  { "cstnotes", KIND_STRING, OFFSET (cstnotes), 2000, FALSE, FALSE },
  { "cstemailnotify", KIND_BOOL, OFFSET (cstemailnotify), 0, FALSE, FALSE },
  { "cstsmsnotify", KIND_BOOL, OFFSET (cstsmsnotify), 0, FALSE, FALSE },
  { "cst_whatsapp_notify", KIND_BOOL, OFFSET (cst_whatsapp_notify), 0, FALSE, FALSE },
  { "contact_type", KIND_INT, OFFSET (contact_type), 0, FALSE, FALSE },
  { "contact_parent", KIND_INT, OFFSET (contact_parent), 0, TRUE, FALSE },
};

static const FieldSpec create_tags = { "cst_tag_id", KIND_TAGS, OFFSET (tags), 0, TRUE, FALSE };
static const FieldSpec update_tags = { "tag_ids", KIND_TAGS, OFFSET (tags), 0, TRUE, FALSE };

RoloSandboxContact *
rolo_sandbox_contact_new (void)
{
  RoloSandboxContact *contact = g_new0 (RoloSandboxContact, 1);

  contact->cstname = g_strdup ("");
  contact->cstemail = g_strdup ("");
  contact->cstmobile = g_strdup ("");
  contact->cstaddress = g_strdup ("");
  contact->ct_taxnumber = g_strdup ("");
  contact->cstnotes = g_strdup ("");
  contact->cstemailnotify = TRUE;
  contact->cstsmsnotify = TRUE;
  contact->cst_whatsapp_notify = TRUE;
  contact->tags = g_array_new (FALSE, FALSE, sizeof (gint64));

  return contact;
}

void
rolo_sandbox_contact_free (RoloSandboxContact *contact)
{
  if (contact == NULL)
    return;

  g_free (contact->cstname);
  g_free (contact->cstemail);
  g_free (contact->cstmobile);
  g_free (contact->cstaddress);
  g_free (contact->ct_taxnumber);
  g_free (contact->cstnotes);
  g_array_unref (contact->tags);
  g_free (contact);
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* Stores the set sorted and without duplicates, so equal sets compare equal. */
void
rolo_sandbox_contact_set_tags (RoloSandboxContact *contact,
                               const gint64       *tags,
                               guint               n_tags)
{
  guint kept = 0;

  g_array_set_size (contact->tags, 0);
  g_array_append_vals (contact->tags, tags, n_tags);
  g_array_sort (contact->tags, compare_int64);

  for (guint i = 0; i < contact->tags->len; i++)
    {
      gint64 tag = g_array_index (contact->tags, gint64, i);

      if (kept == 0 || g_array_index (contact->tags, gint64, kept - 1) != tag)
        g_array_index (contact->tags, gint64, kept++) = tag;
    }
  g_array_set_size (contact->tags, kept);
}

/**
 * rolo_sandbox_fold:
 * @text: valid UTF-8
 *
 * Returns: @text case-folded and NFKC-normalised, the form in which both
 * the stored names and emails and the search text are compared.
 */
char *
rolo_sandbox_fold (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);

  return g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);
}

/* Name and email, folded; the separator keeps a match from spanning both. */
char *
rolo_sandbox_contact_dup_search_text (const RoloSandboxContact *contact)
{
  g_autofree char *name = rolo_sandbox_fold (contact->cstname);
  g_autofree char *email = rolo_sandbox_fold (contact->cstemail);

  return g_strconcat (name, "\x1f", email, NULL);
}

char *
rolo_sandbox_format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (unix_time);

  if (time == NULL)
    return g_strdup ("1970-01-01T00:00:00Z");
  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
}

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_int_member (JsonBuilder *builder,
                const char  *name,
                gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_boolean_member (JsonBuilder *builder,
                    const char  *name,
                    gboolean     value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, value);
}

/* The optional ids are null when unset (stored as 0). */
static void
add_optional_id (JsonBuilder *builder,
                 const char  *name,
                 gint64       id)
{
  if (id > 0)
    {
      add_int_member (builder, name, id);
      return;
    }
  json_builder_set_member_name (builder, name);
  json_builder_add_null_value (builder);
}

static void
add_short_fields (JsonBuilder              *builder,
                  const RoloSandboxContact *contact)
{
  g_autofree char *created_on = rolo_sandbox_format_time (contact->cstcreated_on);

  add_int_member (builder, "cstid", contact->cstid);
  add_string_member (builder, "cstname", contact->cstname);
  add_string_member (builder, "cstemail", contact->cstemail);
  add_string_member (builder, "cstmobile", contact->cstmobile);
  add_int_member (builder, "contact_type", contact->contact_type);
  add_string_member (builder, "cstcreated_on", created_on);
}

static void
add_other_fields (JsonBuilder              *builder,
                  const RoloSandboxContact *contact)
{
  add_optional_id (builder, "cstmobile_country_id", contact->cstmobile_country_id);
  add_string_member (builder, "cstaddress", contact->cstaddress);
  add_string_member (builder, "ct_taxnumber", contact->ct_taxnumber);
  add_string_member (builder, "cstnotes", contact->cstnotes);
  add_boolean_member (builder, "cstemailnotify", contact->cstemailnotify);
  add_boolean_member (builder, "cstsmsnotify", contact->cstsmsnotify);
  add_boolean_member (builder, "cst_whatsapp_notify", contact->cst_whatsapp_notify);
  add_optional_id (builder, "contact_parent", contact->contact_parent);

  json_builder_set_member_name (builder, "cst_tag_id");
  json_builder_begin_array (builder);
  for (guint i = 0; i < contact->tags->len; i++)
    json_builder_add_int_value (builder, g_array_index (contact->tags, gint64, i));
  json_builder_end_array (builder);
}

JsonNode *
rolo_sandbox_contact_to_json (const RoloSandboxContact *contact,
                              gboolean                  all_fields)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_short_fields (builder, contact);
  if (all_fields)
    add_other_fields (builder, contact);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

void
rolo_sandbox_add_error (JsonObject *errors,
                        const char *field,
                        const char *message)
{
  JsonArray *messages = NULL;

  if (json_object_has_member (errors, field))
    messages = json_object_get_array_member (errors, field);
  if (messages == NULL)
    {
      messages = json_array_new ();
      json_object_set_array_member (errors, field, messages);
    }
  json_array_add_string_element (messages, message);
}

static void
add_error_printf (JsonObject *errors,
                  const char *field,
                  const char *format,
                  ...) G_GNUC_PRINTF (3, 4);

static void
add_error_printf (JsonObject *errors,
                  const char *field,
                  const char *format,
                  ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  rolo_sandbox_add_error (errors, field, message);
}

static gboolean
node_holds (JsonNode *node,
            GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

/* ok, after adding "The <field> field must be <what>." to errors when it is
 * FALSE. */
static gboolean
require (gboolean         ok,
         const FieldSpec *spec,
         const char      *what,
         JsonObject      *errors)
{
  if (!ok)
    add_error_printf (errors, spec->name, "The %s field must be %s.", spec->name, what);
  return ok;
}

/* Strips Unicode white space (not only ASCII) from both ends. */
static char *
trim_text (const char *text)
{
  const char *start = text;
  const char *end = text + strlen (text);

  while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  return g_strndup (start, end - start);
}

static gboolean
apply_string (RoloSandboxContact *contact,
              const FieldSpec    *spec,
              JsonNode           *node,
              JsonObject         *errors)
{
  char **slot = G_STRUCT_MEMBER_P (contact, spec->offset);
  const char *value = "";

  if (!JSON_NODE_HOLDS_NULL (node))
    {
      if (!require (node_holds (node, G_TYPE_STRING), spec, "a string", errors))
        return FALSE;
      value = json_node_get_string (node);
    }

  g_free (*slot);
  *slot = spec->trim ? trim_text (value) : g_strdup (value);
  return TRUE;
}

static gboolean
apply_int (RoloSandboxContact *contact,
           const FieldSpec    *spec,
           JsonNode           *node,
           JsonObject         *errors)
{
  gint64 *slot = G_STRUCT_MEMBER_P (contact, spec->offset);

  if (JSON_NODE_HOLDS_NULL (node) && spec->nullable)
    {
      *slot = 0;
      return TRUE;
    }
  if (JSON_NODE_HOLDS_NULL (node))
    {
      add_error_printf (errors, spec->name, "The %s field is required.", spec->name);
      return FALSE;
    }
  if (!require (node_holds (node, G_TYPE_INT64), spec, "an integer", errors))
    return FALSE;

  *slot = json_node_get_int (node);
  return TRUE;
}

static gboolean
apply_bool (RoloSandboxContact *contact,
            const FieldSpec    *spec,
            JsonNode           *node,
            JsonObject         *errors)
{
  gboolean *slot = G_STRUCT_MEMBER_P (contact, spec->offset);

  /* null keeps the default (create) or the stored value (update) */
  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!require (node_holds (node, G_TYPE_BOOLEAN), spec, "true or false", errors))
    return FALSE;

  *slot = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
apply_tags (RoloSandboxContact *contact,
            const FieldSpec    *spec,
            JsonNode           *node,
            JsonObject         *errors)
{
  g_autoptr(GArray) tags = g_array_new (FALSE, FALSE, sizeof (gint64));
  JsonArray *array;

  if (!JSON_NODE_HOLDS_NULL (node))
    {
      if (!require (JSON_NODE_HOLDS_ARRAY (node), spec, "an array", errors))
        return FALSE;

      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          gint64 tag;

          if (!node_holds (element, G_TYPE_INT64) || (tag = json_node_get_int (element)) < 1)
            {
              add_error_printf (errors, spec->name,
                                "Each %s element must be a positive integer.", spec->name);
              return FALSE;
            }
          g_array_append_val (tags, tag);
        }
    }

  rolo_sandbox_contact_set_tags (contact, (const gint64 *) (gpointer) tags->data, tags->len);
  return TRUE;
}

static gboolean
apply_field (RoloSandboxContact *contact,
             const FieldSpec    *spec,
             JsonObject         *object,
             JsonObject         *errors)
{
  JsonNode *node = json_object_get_member (object, spec->name);

  if (node == NULL)
    return TRUE;

  switch (spec->kind)
    {
    case KIND_STRING:
      return apply_string (contact, spec, node, errors);
    case KIND_INT:
      return apply_int (contact, spec, node, errors);
    case KIND_BOOL:
      return apply_bool (contact, spec, node, errors);
    case KIND_TAGS:
      return apply_tags (contact, spec, node, errors);
    default:
      g_assert_not_reached ();
    }
}

/* "One @, a dot in the domain", and nothing that cannot be in an address. */
static gboolean
email_looks_valid (const char *email)
{
  const char *at = strchr (email, '@');
  const char *dot;

  if (at == NULL || at == email || strchr (at + 1, '@') != NULL)
    return FALSE;

  for (const char *p = email; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
        return FALSE;
    }

  dot = strchr (at + 1, '.');
  return dot != NULL && dot != at + 1 && !g_str_has_suffix (email, ".");
}

static void
check_lengths (const RoloSandboxContact *contact,
               JsonObject               *errors)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const FieldSpec *spec = &fields[i];
      const char *value;

      if (spec->kind != KIND_STRING || spec->max_chars == 0 ||
          json_object_has_member (errors, spec->name))
        continue;

      value = G_STRUCT_MEMBER (const char *, contact, spec->offset);
      if (g_utf8_strlen (value, -1) > spec->max_chars)
        add_error_printf (errors, spec->name, "The %s may not be greater than %u characters.",
                          spec->name, spec->max_chars);
    }
}

static void
check_rules (const RoloSandboxContact *contact,
             JsonObject               *errors)
{
  if (!json_object_has_member (errors, "cstname") && contact->cstname[0] == '\0')
    rolo_sandbox_add_error (errors, "cstname", "The cstname field is required.");

  if (json_object_has_member (errors, "contact_type"))
    ;
  else if (contact->contact_type == 0)
    rolo_sandbox_add_error (errors, "contact_type", "The contact_type field is required.");
  else if (contact->contact_type != ROLO_SANDBOX_INDIVIDUAL &&
           contact->contact_type != ROLO_SANDBOX_BUSINESS)
    rolo_sandbox_add_error (errors, "contact_type", "The selected contact_type is invalid.");

  if (!json_object_has_member (errors, "cstemail") && contact->cstemail[0] != '\0' &&
      !email_looks_valid (contact->cstemail))
    rolo_sandbox_add_error (errors, "cstemail", "The cstemail must be a valid email address.");

  if (!json_object_has_member (errors, "cstmobile_country_id") &&
      contact->cstmobile_country_id < 0)
    rolo_sandbox_add_error (errors, "cstmobile_country_id",
                            "The selected cstmobile_country_id is invalid.");

  check_lengths (contact, errors);
}

gboolean
rolo_sandbox_contact_apply_json (RoloSandboxContact   *contact,
                                 JsonObject           *object,
                                 RoloSandboxApplyMode  mode,
                                 JsonObject           *errors)
{
  const FieldSpec *tags_spec = mode == ROLO_SANDBOX_APPLY_CREATE ? &create_tags : &update_tags;

  g_assert (contact != NULL);
  g_assert (object != NULL);
  g_assert (errors != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    apply_field (contact, &fields[i], object, errors);
  apply_field (contact, tags_spec, object, errors);

  check_rules (contact, errors);

  return json_object_get_size (errors) == 0;
}
