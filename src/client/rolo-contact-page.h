/* rolo-contact-page.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "rolo-contact.h"

G_BEGIN_DECLS

#define ROLO_TYPE_CONTACT_PAGE (rolo_contact_page_get_type ())

G_DECLARE_FINAL_TYPE (RoloContactPage, rolo_contact_page, ROLO, CONTACT_PAGE, GObject)

/* One page of a list answer, immutable. contacts holds RoloContact items. */
RoloContactPage *rolo_contact_page_new                (guint             current_page,
                                                       guint             total_records,
                                                       guint             total_pages,
                                                       GListModel       *contacts);
/* Parses the envelope's "data" object of GET /v1/contacts, leniently. */
RoloContactPage *rolo_contact_page_new_from_json      (JsonObject       *data,
                                                       GError          **error);

/* 1-based, as the server sends it. */
guint            rolo_contact_page_get_current_page   (RoloContactPage  *self);
guint            rolo_contact_page_get_total_records  (RoloContactPage  *self);
guint            rolo_contact_page_get_total_pages    (RoloContactPage  *self);
/* (transfer none): a GListModel of RoloContact. */
GListModel      *rolo_contact_page_get_contacts       (RoloContactPage  *self);

G_END_DECLS
