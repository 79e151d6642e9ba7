/* rolo-contacts-page.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rolo-tag-names.h"

G_BEGIN_DECLS

#define ROLO_TYPE_CONTACTS_PAGE (rolo_contacts_page_get_type ())

G_DECLARE_FINAL_TYPE (RoloContactsPage, rolo_contacts_page, ROLO, CONTACTS_PAGE,
                      AdwPreferencesPage)

/* The Contacts page of Preferences: how new contacts start (its switches
 * are the "new-contact-*" settings, changed as they are flipped) and the
 * names of the workspace's tags, changed as each is applied. */
GtkWidget    *rolo_contacts_page_new           (void);
void          rolo_contacts_page_set_tag_names (RoloContactsPage *self,
                                                RoloTagNames     *names);

G_END_DECLS
