/* rolo-sandbox-contact-private.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define ROLO_SANDBOX_INDIVIDUAL 1
#define ROLO_SANDBOX_BUSINESS   2

/* One stored contact, as the sandbox keeps it. Optional strings are never
 * NULL ("" means no value); 0 means "none" for the two optional ids. */
typedef struct
{
  gint64    cstid;
  char     *cstname;
  char     *cstemail;
  char     *cstmobile;
  gint64    cstmobile_country_id;
  char     *cstaddress;
  char     *ct_taxnumber;
  char     *cstnotes;
  gboolean  cstemailnotify;
  gboolean  cstsmsnotify;
  gboolean  cst_whatsapp_notify;
  gint64    contact_type;
  gint64    contact_parent;
  GArray   *tags;                   /* of gint64, ascending, no duplicates */
  gint64    cstcreated_on;          /* Unix time, seconds */
} RoloSandboxContact;

typedef enum
{
  ROLO_SANDBOX_APPLY_CREATE,
  ROLO_SANDBOX_APPLY_UPDATE,
} RoloSandboxApplyMode;

RoloSandboxContact *rolo_sandbox_contact_new            (void);
void                rolo_sandbox_contact_free           (RoloSandboxContact   *contact);
void                rolo_sandbox_contact_set_tags       (RoloSandboxContact   *contact,
                                                         const gint64         *tags,
                                                         guint                 n_tags);
char               *rolo_sandbox_contact_dup_search_text (const RoloSandboxContact *contact);
char               *rolo_sandbox_fold                   (const char           *text);
char               *rolo_sandbox_format_time            (gint64                unix_time);

/* The short form of a list page, or every field for GET one contact. */
JsonNode           *rolo_sandbox_contact_to_json        (const RoloSandboxContact *contact,
                                                         gboolean              all_fields);

/* Copies the fields present in object onto contact (create takes
 * cst_tag_id, update takes tag_ids, as the vendor documents), checking JSON
 * types; then checks the rules that need no store. Problems are added to
 * errors (field → array of messages). Returns FALSE when any was found. */
gboolean            rolo_sandbox_contact_apply_json     (RoloSandboxContact   *contact,
                                                         JsonObject           *object,
                                                         RoloSandboxApplyMode  mode,
                                                         JsonObject           *errors);
void                rolo_sandbox_add_error              (JsonObject           *errors,
                                                         const char           *field,
                                                         const char           *message);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RoloSandboxContact, rolo_sandbox_contact_free)

G_END_DECLS
