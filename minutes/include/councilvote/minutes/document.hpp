// The minutes as a PDF (docs/minutes.md §1): A4, the Decree 30/2020 layout, Liberation Serif
// embedded, painted with QPdfWriter + QPainter. Needs a QGuiApplication (fonts).
#pragma once

#include "councilvote/minutes/minutes_input.hpp"

#include <QByteArray>
#include <QString>

namespace cv::minutes {

// The PDF's bytes (without the attachment: see record/pdf_attach.hpp). Throws std::runtime_error
// when the Liberation Serif fonts cannot be loaded.
[[nodiscard]] QByteArray render_minutes_pdf(const MinutesInput &in);

// Loads Liberation Serif (regular, bold, italic, bold italic) once; returns its family name.
[[nodiscard]] QString minutes_font_family();

} // namespace cv::minutes
