/* rolo-contact-query.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rolo-contact.h"

G_BEGIN_DECLS

typedef enum
{
  ROLO_CONTACT_SORT_ID,      /* cstid */
  ROLO_CONTACT_SORT_NAME,    /* cstname */
  ROLO_CONTACT_SORT_EMAIL,   /* cstemail */
  ROLO_CONTACT_SORT_MOBILE,  /* cstmobile */
  ROLO_CONTACT_SORT_TYPE,    /* contact_type */
  ROLO_CONTACT_SORT_CREATED, /* cstcreated_on */
} RoloContactSortField;

#define ROLO_TYPE_CONTACT_SORT_FIELD (rolo_contact_sort_field_get_type ())
GType rolo_contact_sort_field_get_type (void);

/* The API's sortBy value for field. */
const char *rolo_contact_sort_field_to_api_name (RoloContactSortField field);

#define ROLO_TYPE_CONTACT_QUERY (rolo_contact_query_get_type ())

G_DECLARE_FINAL_TYPE (RoloContactQuery, rolo_contact_query, ROLO, CONTACT_QUERY, GObject)

/* What identifies one remote result set. A new query has no search, type
 * ROLO_CONTACT_TYPE_ANY and sorts by id, descending (newest first, the
 * server's own default). */
RoloContactQuery     *rolo_contact_query_new                (void);
RoloContactQuery     *rolo_contact_query_copy               (RoloContactQuery     *self);
gboolean              rolo_contact_query_equal              (RoloContactQuery     *a,
                                                             RoloContactQuery     *b);

/* Never NULL; "" when there is no search. */
const char           *rolo_contact_query_get_search         (RoloContactQuery     *self);
void                  rolo_contact_query_set_search         (RoloContactQuery     *self,
                                                             const char           *search);
RoloContactType       rolo_contact_query_get_contact_type   (RoloContactQuery     *self);
void                  rolo_contact_query_set_contact_type   (RoloContactQuery     *self,
                                                             RoloContactType       contact_type);
RoloContactSortField  rolo_contact_query_get_sort_by        (RoloContactQuery     *self);
void                  rolo_contact_query_set_sort_by        (RoloContactQuery     *self,
                                                             RoloContactSortField  sort_by);
gboolean              rolo_contact_query_get_sort_descending (RoloContactQuery    *self);
void                  rolo_contact_query_set_sort_descending (RoloContactQuery    *self,
                                                              gboolean             descending);

G_END_DECLS
