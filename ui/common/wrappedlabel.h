// SPDX-License-Identifier: MIT
#pragma once

#include <QLabel>

// Plain text that wraps at word boundaries and is never cut: as many lines as its width needs
// (the form's error messages, a preset's description). It can keep room for a reserved text, so
// that a message or description becoming shorter (a field fixed, a preset edited into Custom) does
// not pull the fields below it up under the user's pointer.
//
// Its height follows its width by itself (a fixed height set on each resize and text change):
// QFormLayout in Qt 6.4 lays a height-for-width field out at its size hint's height, the height
// of a few hundred pixels' width (a description of nine lines shown on four, or one cut in two).
class WrappedLabel : public QLabel
{
    Q_OBJECT
public:
    explicit WrappedLabel(const QString &text = {}, QWidget *parent = nullptr);

    void setText(const QString &text);
    // The label is at least as tall as this text would be at its width ("" reserves nothing;
    // " " one line).
    void setReservedText(const QString &text);
    QString reservedText() const { return m_reserved; }

    // The height the label needs at `width`: its text's lines, or the reserved text's.
    int heightForWidth(int width) const override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    int linesHeight(const QString &text, int width) const;
    void fitHeight();

    QString m_reserved;
};
