/* rolo-window-trace.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's marks for the benchmarks (see rolo-trace.c), when ROLO_TRACE
 * is set: its first frame, the first page's answer, the first frame that
 * shows rows, for each search typed, the frame that shows its rows, and
 * each slow frame with the time its phases took.
 */

#define G_LOG_DOMAIN "rolo-ui"

#include "config.h"

#include "rolo-trace.h"
#include "rolo-window-private.h"

/* A frame that took longer than this is a mark, split into its phases. */
#define SLOW_FRAME_MS 8

typedef struct
{
  gint64   frame_at;     /* this frame's before-paint */
  gint64   updated_at;   /* its update phase done: animations, scrolling */
  gint64   laid_out_at;  /* its layout phase done */
  gboolean first_frame;  /* marked */
  gboolean first_page;
  gboolean first_rows;
  char    *search;       /* typed, its rows not painted yet */
  char    *painting;     /* what the next frame marks */
  gulong   paint_id;
} Trace;

static void
trace_free (gpointer data)
{
  Trace *trace = data;

  g_free (trace->search);
  g_free (trace->painting);
  g_free (trace);
}

static Trace *
trace_get (RoloWindow *self)
{
  return g_object_get_data (G_OBJECT (self), "rolo-trace");
}

static void
after_paint_cb (GdkFrameClock *clock,
                RoloWindow    *self)
{
  Trace *trace = trace_get (self);

  rolo_trace_mark ("%s", trace->painting);
  g_clear_pointer (&trace->painting, g_free);
  g_clear_signal_handler (&trace->paint_id, clock);
}

/* Marks @what once the next frame is on screen. */
static void
trace_next_paint (RoloWindow *self,
                  char       *what)
{
  Trace *trace = trace_get (self);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock == NULL)
    {
      g_free (what);
      return;
    }
  g_free (trace->painting);
  trace->painting = what;
  if (trace->paint_id == 0)
    trace->paint_id = g_signal_connect_object (clock, "after-paint", G_CALLBACK (after_paint_cb),
                                               self, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The frame clock's phases, timed: each handler runs after GTK's own. */
static void
before_paint_cb (GdkFrameClock *clock,
                 RoloWindow    *self)
{
  Trace *trace = trace_get (self);

  trace->frame_at = trace->updated_at = trace->laid_out_at = g_get_monotonic_time ();
}

static void
update_cb (GdkFrameClock *clock,
           RoloWindow    *self)
{
  trace_get (self)->updated_at = g_get_monotonic_time ();
}

static void
layout_cb (GdkFrameClock *clock,
           RoloWindow    *self)
{
  trace_get (self)->laid_out_at = g_get_monotonic_time ();
}

static void
frame_paint_cb (GdkFrameClock *clock,
                RoloWindow    *self)
{
  Trace *trace = trace_get (self);
  gint64 now = g_get_monotonic_time ();
  gint64 laid_out_at = MAX (trace->laid_out_at, trace->updated_at);

  if (trace->frame_at == 0 || now - trace->frame_at <= SLOW_FRAME_MS * G_TIME_SPAN_MILLISECOND)
    return;
  rolo_trace_mark ("frame %.1f update %.1f layout %.1f paint %.1f",
                   (now - trace->frame_at) / 1000.0,
                   (trace->updated_at - trace->frame_at) / 1000.0,
                   (laid_out_at - trace->updated_at) / 1000.0,
                   (now - laid_out_at) / 1000.0);
}

static void
realized_cb (RoloWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  g_signal_connect_object (clock, "before-paint", G_CALLBACK (before_paint_cb), self, 0);
  g_signal_connect_object (clock, "update", G_CALLBACK (update_cb), self, 0);
  g_signal_connect_object (clock, "layout", G_CALLBACK (layout_cb), self, 0);
  g_signal_connect_object (clock, "paint", G_CALLBACK (frame_paint_cb), self, 0);
}

static void
search_typed_cb (RoloWindow *self)
{
  Trace *trace = trace_get (self);

  g_free (trace->search);
  trace->search = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  rolo_trace_mark ("search-typed %s", trace->search);
}

static void
mapped_cb (RoloWindow *self)
{
  Trace *trace = trace_get (self);

  if (!trace->first_frame)
    {
      trace->first_frame = TRUE;
      trace_next_paint (self, g_strdup ("first-frame"));
    }
}

void
rolo_window_trace_attach (RoloWindow *self)
{
  if (!rolo_trace_enabled ())
    return;

  g_object_set_data_full (G_OBJECT (self), "rolo-trace", g_new0 (Trace, 1), trace_free);
  g_signal_connect_swapped (self->search_entry, "changed", G_CALLBACK (search_typed_cb), self);
  g_signal_connect_swapped (self, "map", G_CALLBACK (mapped_cb), self);
  g_signal_connect_swapped (self, "realize", G_CALLBACK (realized_cb), self);
}

/* From rolo_window_sync(): the rows of a page just come. */
void
rolo_window_trace_sync (RoloWindow *self)
{
  Trace *trace = trace_get (self);

  if (trace == NULL || self->contacts == NULL || !rolo_contact_list_get_loaded (self->contacts) ||
      rolo_contact_list_get_loading (self->contacts))
    return;

  if (!trace->first_page)
    {
      trace->first_page = TRUE;
      rolo_trace_mark ("first-page %u", g_list_model_get_n_items (G_LIST_MODEL (self->contacts)));
    }
  if (self->page != ROLO_WINDOW_PAGE_BROWSE && self->page != ROLO_WINDOW_PAGE_NO_RESULTS)
    return;

  if (!trace->first_rows)
    {
      trace->first_rows = TRUE;
      trace_next_paint (self, g_strdup ("first-rows"));
    }
  else if (trace->search != NULL)
    {
      g_autofree char *search = g_steal_pointer (&trace->search);

      trace_next_paint (self, g_strdup_printf ("search-rows %s", search));
    }
}
