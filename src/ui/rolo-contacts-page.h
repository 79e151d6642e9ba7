/* rolo-contacts-page.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ROLO_TYPE_CONTACTS_PAGE (rolo_contacts_page_get_type ())

G_DECLARE_FINAL_TYPE (RoloContactsPage, rolo_contacts_page, ROLO, CONTACTS_PAGE,
                      AdwPreferencesPage)

/* The Contacts page of Preferences: how new contacts start. Its switches
 * are the "new-contact-*" settings, changed as they are flipped. */
GtkWidget *rolo_contacts_page_new (void);

G_END_DECLS
