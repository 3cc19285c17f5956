"""Pictures a learner uploads: decode a PNG or JPEG file (:func:`read_picture`) and resize it
to the model's input size (:func:`resize_picture`). Pictures are ``(height, width, 3)`` uint8."""

from __future__ import annotations

import io

import numpy as np


def read_picture(data: bytes) -> np.ndarray:
    """Decode an uploaded PNG or JPEG file's bytes into a ``(height, width, 3)`` uint8 array.

    Transparency is dropped, grey pictures become RGB and photos are turned upright (EXIF
    orientation). Raises ``ValueError`` if the bytes are not a PNG or JPEG picture.
    """
    from PIL import Image, ImageOps, UnidentifiedImageError

    if isinstance(data, (bytearray, memoryview)):
        data = bytes(data)
    if not isinstance(data, bytes):
        raise TypeError(
            f"read_picture expects the file's bytes (e.g. open(name, 'rb').read()), "
            f"got {type(data).__name__}."
        )
    try:
        with Image.open(io.BytesIO(data)) as picture:
            if picture.format not in ("PNG", "JPEG"):
                raise ValueError(
                    f"The file is a {picture.format} picture, which is not a PNG or JPEG "
                    "picture; save it as .png or .jpg and try again."
                )
            picture.load()
            return _to_rgb(ImageOps.exif_transpose(picture))  # phone photos stand upright
    except (UnidentifiedImageError, OSError, SyntaxError) as error:
        raise ValueError(
            "These bytes are not a PNG or JPEG picture (or the file is damaged); "
            "upload a .png or .jpg file."
        ) from error


def _to_rgb(picture) -> np.ndarray:
    """An RGB uint8 array from any Pillow picture mode (alpha dropped, grey repeated)."""
    if picture.mode in ("I;16", "I;16B", "I;16L", "I", "F"):  # 16-bit or float grey
        grey = np.asarray(picture, dtype=np.float64)
        top = 65535.0 if picture.mode.startswith("I;16") else max(float(grey.max()), 1.0)
        grey = np.clip(np.rint(grey * (255.0 / top)), 0, 255).astype(np.uint8)
        return np.repeat(grey[:, :, np.newaxis], 3, axis=2)
    if picture.mode == "P" and "transparency" in picture.info:
        picture = picture.convert("RGBA")
    return np.array(picture.convert("RGB"), dtype=np.uint8)


def resize_picture(image, num_px: int = 64) -> np.ndarray:
    """A picture resized to ``(num_px, num_px, 3)`` uint8 (Pillow, Lanczos filter).

    ``image``: ``(height, width, 3)`` RGB (or ``(height, width, 4)`` with alpha, dropped;
    or ``(height, width)`` grey) with values in 0..255. The picture is stretched to a
    square, as the course does.
    """
    from PIL import Image

    if isinstance(num_px, bool) or not isinstance(num_px, (int, np.integer)) or num_px < 1:
        raise ValueError(f"resize_picture: num_px must be a positive integer, got {num_px!r}.")
    array = np.asarray(image)
    if array.ndim == 2:
        array = np.repeat(array[:, :, np.newaxis], 3, axis=2)
    if array.ndim != 3 or array.shape[2] not in (3, 4) or 0 in array.shape:
        raise ValueError(
            "resize_picture expects a picture of shape (height, width, 3), got shape "
            f"{array.shape}. (A batch of pictures? Pass one picture, e.g. images[0].)"
        )
    if array.dtype != np.uint8:
        if not (np.issubdtype(array.dtype, np.integer) or np.issubdtype(array.dtype, np.floating)):
            raise ValueError(f"resize_picture expects numbers in 0..255, got {array.dtype}.")
        if not (np.all(np.isfinite(array)) and array.min() >= 0 and array.max() <= 255):
            raise ValueError(
                "resize_picture expects pixel values in 0..255 (uint8); got values from "
                f"{array.min()} to {array.max()}."
            )
        if np.issubdtype(array.dtype, np.floating) and 0 < array.max() <= 1:
            raise ValueError(
                "resize_picture expects pixel values in 0..255, but these are all in 0..1: "
                "pass the picture before dividing it by 255 (or multiply it by 255)."
            )
        array = np.rint(array).astype(np.uint8)
    lanczos = getattr(Image, "Resampling", Image).LANCZOS
    picture = Image.fromarray(np.ascontiguousarray(array[:, :, :3]))
    return np.array(picture.resize((int(num_px), int(num_px)), lanczos), dtype=np.uint8)
